"""SciPy's values for the cases of generate_commands.R, written to rank_commands_scipy.json.

Run after generate_commands.R, from this folder:  python3 generate_commands_scipy.py
Needs SciPy >= 1.11 (python3 -m venv v && v/bin/pip install scipy).

ranksum: scipy.stats.mannwhitneyu(x, y, alternative, use_continuity, method) for method
  'asymptotic' (every case) and 'exact' (cases without ties): statistic (U of x) and p.
signrank: scipy.stats.wilcoxon(x - mu or (x - y) - mu, zero_method, correction, alternative,
  method='approx') for each zero method, and method='exact' when there are no ties or zeros:
  statistic and p. SciPy's two-sided statistic is min(r_plus, r_minus), its one-sided r_plus.
kruskal: scipy.stats.kruskal(*groups): statistic and p.
"""
import json

import numpy as np
import scipy
from scipy import stats


def main():
    with open("rank_commands_r.json") as f:
        cases = json.load(f)
    out = {"generator": "generate_commands_scipy.py", "scipy_version": scipy.__version__,
           "ranksum": [], "signrank": [], "kruskal": []}
    for c in cases["ranksum"]:
        x, y = np.array(c["x"]), np.array(c["y"])
        ties = len(np.unique(np.concatenate([x, y]))) < len(x) + len(y)
        res = []
        for alt in ("two-sided", "less", "greater"):
            for correct in (True, False):
                a = stats.mannwhitneyu(x, y, use_continuity=correct, alternative=alt,
                                       method="asymptotic")
                e = None
                if not ties:
                    r = stats.mannwhitneyu(x, y, alternative=alt, method="exact")
                    e = {"statistic": float(r.statistic), "p": float(r.pvalue)}
                res.append({"alternative": alt, "correct": correct,
                            "asymptotic": {"statistic": float(a.statistic), "p": float(a.pvalue)},
                            "exact": e})
        out["ranksum"].append({"name": c["name"], "results": res})
    for c in cases["signrank"]:
        x = np.array(c["x"])
        d = x - c["mu"] if c["y"] is None else (x - np.array(c["y"])) - c["mu"]
        nz = d[d != 0]
        clean = len(nz) == len(d) and len(np.unique(np.abs(nz))) == len(nz)
        res = []
        for alt in ("two-sided", "less", "greater"):
            for correct in (True, False):
                approx = {}
                for zm in ("wilcox", "pratt", "zsplit"):
                    r = stats.wilcoxon(d, zero_method=zm, correction=correct, alternative=alt,
                                       method="approx")
                    approx[zm] = {"statistic": float(r.statistic), "p": float(r.pvalue)}
                e = None
                if clean:
                    r = stats.wilcoxon(d, alternative=alt, method="exact")
                    e = {"statistic": float(r.statistic), "p": float(r.pvalue)}
                res.append({"alternative": alt, "correct": correct, "approx": approx,
                            "exact": e})
        out["signrank"].append({"name": c["name"], "results": res})
    for c in cases["kruskal"]:
        r = stats.kruskal(*[np.array(v) for v in c["groups"].values()])
        out["kruskal"].append({"name": c["name"], "statistic": float(r.statistic),
                               "p": float(r.pvalue)})
    with open("rank_commands_scipy.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", len(out["ranksum"]), "ranksum,", len(out["signrank"]), "signrank,",
          len(out["kruskal"]), "kruskal cases")


if __name__ == "__main__":
    main()

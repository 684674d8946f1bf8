# Generates alternatives_py.json: SciPy's fisher_exact p-value for every alternative and the
# conditional odds ratio's one-sided 95% interval (scipy.stats.contingency.odds_ratio), for the
# 2x2 tables of tables.txt and four more; SciPy's answers on the tables with one possible
# table (all zeros, an empty row); binomtest for McNemar's discordant pairs.
# Run from this folder: python3 alternatives.py   (scipy 1.17)
import json
import warnings

import numpy as np
import scipy
from scipy.stats import binomtest, fisher_exact
from scipy.stats.contingency import odds_ratio

def num(v):
    """A JSON-safe number: infinities as the strings "inf"/"-inf" (the fixture readers' form)."""
    v = float(v)
    return ("inf" if v > 0 else "-inf") if np.isinf(v) else v


tables = []
with open("tables.txt") as f:
    for line in f:
        rows = [[int(v) for v in r.split(",")] for r in line.strip().split(";")]
        if len(rows) == 2 and len(rows[0]) == 2:
            tables.append(rows)
tables += [[[3, 1], [1, 3]], [[12, 2], [3, 20]], [[0, 8], [6, 2]], [[25, 14], [9, 31]]]

fisher = []
for t in tables:
    for alt in ("two-sided", "less", "greater"):
        _, p = fisher_exact(t, alternative=alt)
        case = {"table": t, "alternative": alt, "p_value": float(p)}
        if alt != "two-sided":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ci = odds_ratio(t, kind="conditional").confidence_interval(0.95, alternative=alt)
            case["ci95"] = [num(ci.low), num(ci.high)]
        fisher.append(case)

single = []
for t in ([[0, 0], [0, 0]], [[0, 0], [3, 4]], [[5, 0], [7, 0]]):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        o, p = fisher_exact(t)
    single.append({"table": t, "p_value": float(p), "odds_ratio": None if np.isnan(o) else float(o)})

mcnemar = []
for b, c in [(5, 15), (15, 5), (0, 7), (7, 0), (10, 10), (3, 4), (21, 9), (1, 40), (150, 120)]:
    for alt in ("two-sided", "less", "greater"):
        mcnemar.append({"b": b, "c": c, "alternative": alt,
                        "exact_p": binomtest(b, b + c, 0.5, alternative=alt).pvalue})

with open("alternatives_py.json", "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}", "fisher": fisher, "single_table": single,
               "mcnemar": mcnemar}, f, indent=1, allow_nan=False)

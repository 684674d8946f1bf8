#!/usr/bin/env python3
"""Independent reference values for the SurveyComparison module (resample compare / power).

Run from this folder:  python3 make_fixtures.py   (SciPy 1.17, statsmodels 0.15, R 4.2 optional)
Writes survey.json. Everything here is computed with SciPy/statsmodels/exact rationals, never with
the Swift code:
- consistent tables: brute force over every split and every count, consistency decided with
  exact rationals (fractions.Fraction): 100*x/n in [P - h, P + h], h = 0.5 * 10**-D, ends included;
  Fisher exact two-sided p by scipy.stats.fisher_exact;
- paired range: every 2x2 table with margins a, b of n, McNemar exact p by scipy.stats.binomtest;
- design effect: Pearson chi-square (scipy chi2_contingency, correction=False) divided by deff;
  Newcombe interval with effective n = n / deff via statsmodels;
- power: exact power by enumerating both binomials (pooled z test, Fisher test), analytic n per
  group from R's power.prop.test formula (Fleiss, no continuity correction).
"""
import json
from fractions import Fraction
from math import comb, sqrt, ceil

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep


def consistent(x, n, pct, decimals, rounding="unknown"):
    """rounding: "unknown" (both ends included), "half-up" ([P-h, P+h)), "half-even"
    (both ends included when P's last digit is even, both excluded when odd)."""
    p = Fraction(pct)
    h = Fraction(1, 2) / Fraction(10) ** decimals
    r = Fraction(100 * x, n)
    if rounding == "unknown":
        return p - h <= r <= p + h
    if rounding == "half-up":
        return p - h <= r < p + h
    even = int(p * 10 ** decimals) % 2 == 0
    return (p - h <= r <= p + h) if even else (p - h < r < p + h)


def counts_for(n, pct, decimals, rounding="unknown"):
    return [x for x in range(n + 1) if consistent(x, n, pct, decimals, rounding)]


def fisher_p(x1, n1, x2, n2):
    return float(stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)


def enumerate_two(pcts, decimals, total=None, ns=None, alpha=0.05, rounding="unknown",
                  min_n=1):
    tables = []
    splits = ([(n1, total - n1) for n1 in range(min_n, total - min_n + 1)] if ns is None
              else [tuple(ns)])
    for n1, n2 in splits:
        for x1 in counts_for(n1, pcts[0], decimals, rounding):
            for x2 in counts_for(n2, pcts[1], decimals, rounding):
                tables.append({"n": [n1, n2], "x": [x1, x2], "p_value": fisher_p(x1, n1, x2, n2)})
    ps = [t["p_value"] for t in tables]
    out = {"percent": pcts, "decimals": decimals, "alpha": alpha, "rounding": rounding,
           "min_n": min_n,
           "consistent_tables": len(tables), "tables": tables}
    if total is not None:
        out["total"] = total
    if ns is not None:
        out["n"] = list(ns)
    if tables:
        out.update(p_value_min=min(ps), p_value_max=max(ps),
                   share_significant=sum(p < alpha for p in ps) / len(ps))
    return out


def enumerate_three_count(pcts, decimals, total):
    """Number of consistent (n, x) configurations for three segments (count only)."""
    count = 0
    for n1 in range(1, total - 1):
        c1 = len(counts_for(n1, pcts[0], decimals))
        if not c1:
            continue
        for n2 in range(1, total - n1):
            n3 = total - n1 - n2
            count += c1 * len(counts_for(n2, pcts[1], decimals)) * len(
                counts_for(n3, pcts[2], decimals))
    return {"percent": pcts, "decimals": decimals, "total": total, "consistent_tables": count}


def mcnemar_exact(b, c):
    if b + c == 0:
        return 1.0
    return float(stats.binomtest(min(b, c), b + c, 0.5).pvalue)


def paired(pct_a, pct_b, n, decimals, alpha=0.05):
    tables = []
    for a in counts_for(n, pct_a, decimals):
        for b in counts_for(n, pct_b, decimals):
            for both in range(max(0, a + b - n), min(a, b) + 1):
                d1, d2 = a - both, b - both
                tables.append({"a": a, "b": b, "both": both, "discordant": [d1, d2],
                               "p_value": mcnemar_exact(d1, d2)})
    ps = [t["p_value"] for t in tables]
    return {"percent": [pct_a, pct_b], "n": n, "decimals": decimals, "alpha": alpha,
            "feasible_tables": len(tables), "p_value_min": min(ps), "p_value_max": max(ps),
            "share_significant": sum(p < alpha for p in ps) / len(ps),
            "tables": tables}


def design_effect(x1, n1, x2, n2, deff):
    table = np.array([[x1, n1 - x1], [x2, n2 - x2]])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    adj = chi2 / deff
    e1, e2 = n1 / deff, n2 / deff
    lo, hi = confint_proportions_2indep(x1 / deff, e1, x2 / deff, e2, method="newcomb",
                                        compare="diff", alpha=0.05)
    lo0, hi0 = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff",
                                          alpha=0.05)
    return {"x": [x1, x2], "n": [n1, n2], "deff": deff, "pearson": float(chi2),
            "pearson_p": float(p), "adjusted_statistic": float(adj),
            "adjusted_p": float(stats.chi2.sf(adj, 1)),
            "newcombe": [float(lo0), float(hi0)], "newcombe_adjusted": [float(lo), float(hi)]}


def exact_power_pooled_z(p1, p2, n1, n2, alpha=0.05):
    z = stats.norm.isf(alpha / 2)
    k1 = np.arange(n1 + 1)[:, None]
    k2 = np.arange(n2 + 1)[None, :]
    pool = (k1 + k2) / (n1 + n2)
    se = np.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2))
    diff = k1 / n1 - k2 / n2
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = np.where(se > 0, np.abs(diff) / se, 0.0)
    reject = stat > z
    w = stats.binom.pmf(k1, n1, p1) * stats.binom.pmf(k2, n2, p2)
    return float(w[reject].sum())


def exact_power_fisher(p1, p2, n1, n2, alpha=0.05):
    total = 0.0
    f1 = stats.binom.pmf(np.arange(n1 + 1), n1, p1)
    f2 = stats.binom.pmf(np.arange(n2 + 1), n2, p2)
    for k1 in range(n1 + 1):
        for k2 in range(n2 + 1):
            if fisher_p(k1, n1, k2, n2) <= alpha:
                total += f1[k1] * f2[k2]
    return float(total)


def analytic_n(p1, p2, alpha=0.05, power=0.8):
    """R power.prop.test(p1, p2, power) solved for n (two-sided, strict = FALSE)."""
    za = stats.norm.isf(alpha / 2)

    def pw(n):
        q1, q2 = 1 - p1, 1 - p2
        pbar = (p1 + p2) / 2
        qbar = 1 - pbar
        return stats.norm.cdf((sqrt(n) * abs(p1 - p2) - za * sqrt(2 * pbar * qbar))
                              / sqrt(p1 * q1 + p2 * q2))

    from scipy.optimize import brentq
    return brentq(lambda n: pw(n) - power, 2, 1e7, xtol=1e-12), pw


def respondent_fixture():
    """A small respondent file (segments A, B, C) and the per-pair counts and Fisher p-values,
    Holm-adjusted across all pairs of all questions (statsmodels multipletests)."""
    import csv
    from statsmodels.stats.multitest import multipletests
    rng = np.random.default_rng(20131129)
    segs = ["A"] * 60 + ["B"] * 50 + ["C"] * 40
    probs = {"A": (0.65, 0.5), "B": (0.40, 0.45), "C": (0.55, 0.2)}
    rows = []
    for i, s in enumerate(segs):
        p1, p2 = probs[s]
        q1 = "yes" if rng.random() < p1 else "no"
        q2 = "" if rng.random() < 0.05 else ("1" if rng.random() < p2 else "0")
        q3 = ["low", "mid", "high"][int(rng.integers(0, 3))]
        w = round(float(rng.uniform(0.5, 2.0)), 3)
        rows.append({"id": i + 1, "segment": s, "q1": q1, "q2": q2, "q3": q3, "weight": w})
    with open("respondents.csv", "w", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=["id", "segment", "q1", "q2", "q3", "weight"])
        wr.writeheader()
        wr.writerows(rows)
    out = []
    for q in ["q1", "q2"]:
        counts = {}
        for s in ["A", "B", "C"]:
            ans = [r[q] for r in rows if r["segment"] == s and r[q] != ""]
            counts[s] = (sum(a in ("yes", "1") for a in ans), len(ans))
        pairs = []
        for a, b in [("A", "B"), ("A", "C"), ("B", "C")]:
            (xa, na), (xb, nb) = counts[a], counts[b]
            pairs.append({"a": a, "b": b, "p_value": fisher_p(xa, na, xb, nb)})
        table = np.array([[counts[s][0], counts[s][1] - counts[s][0]] for s in "ABC"])
        chi2, p, dof, expected = stats.chi2_contingency(table, correction=False)
        out.append({"question": q, "counts": {s: list(counts[s]) for s in "ABC"},
                    "pearson": float(chi2), "pearson_p": float(p),
                    "min_expected": float(expected.min()), "pairs": pairs})
    ps = [p["p_value"] for q in out for p in q["pairs"]]
    adj = multipletests(ps, method="holm")[1]
    k = 0
    for q in out:
        for p in q["pairs"]:
            p["p_holm"] = float(adj[k])
            k += 1
    return out


def exact_conditional_chi2(yes, sizes):
    """Exact conditional p of Pearson's X² for a k×2 table: every table with the same margins,
    weighted by its multivariate hypergeometric probability (scipy.stats.multivariate_hypergeom)."""
    import itertools
    total_yes = sum(yes)
    table = np.array([[y, n - y] for y, n in zip(yes, sizes)])
    obs = stats.chi2_contingency(table, correction=False)[0]
    p = 0.0
    p_obs = stats.multivariate_hypergeom.pmf(yes, sizes, total_yes)
    fisher = 0.0
    for xs in itertools.product(*[range(n + 1) for n in sizes[:-1]]):
        last = total_yes - sum(xs)
        if last < 0 or last > sizes[-1]:
            continue
        cand = list(xs) + [last]
        t = np.array([[y, n - y] for y, n in zip(cand, sizes)])
        x2 = stats.chi2_contingency(t, correction=False)[0]
        prob = stats.multivariate_hypergeom.pmf(cand, sizes, total_yes)
        if x2 >= obs * (1 - 64 * np.finfo(float).eps):
            p += prob
        if prob <= p_obs * (1 + 1e-7):  # Fisher r x c: tables no more probable (R's tolerance)
            fisher += prob
    return {"yes": yes, "sizes": sizes, "pearson": float(obs), "exact_conditional_p": float(p),
            "fisher_exact_p": float(fisher),
            "asymptotic_p": float(stats.chi2_contingency(table, correction=False)[1])}


def main():
    enum_cases = [
        enumerate_two(["61", "43"], 0, total=156),
        enumerate_two(["61", "43"], 0, ns=(82, 74)),
        enumerate_two(["61", "43"], 0, ns=(300, 250)),
        enumerate_two(["61.0", "43.2"], 1, total=156),
        enumerate_two(["33", "67"], 0, total=20),
        enumerate_two(["50", "25"], 0, total=40),
        enumerate_two(["0", "100"], 0, total=12),
        enumerate_two(["12.5", "40"], 1, total=50),
        # the published "61 tables, 0.024-0.257, 61 %": half-even rounding, segments of 10 or more
        enumerate_two(["61", "43"], 0, total=156, rounding="half-even", min_n=10),
        enumerate_two(["61", "43"], 0, total=156, rounding="half-up"),
        enumerate_two(["25", "50"], 0, total=40, rounding="half-even"),
    ]
    grim = [
        {"percent": "61", "decimals": 0, "n": 78, "counts": counts_for(78, "61", 0)},
        {"percent": "61", "decimals": 0, "n": 77, "counts": counts_for(77, "61", 0)},
        {"percent": "50", "decimals": 0, "n": 3, "counts": counts_for(3, "50", 0)},
        {"percent": "33.3", "decimals": 1, "n": 10, "counts": counts_for(10, "33.3", 1)},
        {"percent": "43", "decimals": 0, "n": 300, "counts": counts_for(300, "43", 0)},
        {"percent": "12.5", "decimals": 1, "n": 8, "counts": counts_for(8, "12.5", 1)},
        {"percent": "12.5", "decimals": 0, "n": 8, "counts": counts_for(8, "12.5", 0)},
    ]
    no_table = enumerate_two(["50", "50"], 0, total=3)
    three = [enumerate_three_count(["50", "30", "20"], 0, 60),
             enumerate_three_count(["61", "55", "43"], 0, 156)]
    pairs = [paired("51", "38", 156, 0), paired("50", "40", 20, 0)]
    for p in pairs:
        if len(p["tables"]) > 200:
            p["tables"] = p["tables"][::7]
    deff = [design_effect(50, 82, 32, 74, 1.5), design_effect(50, 82, 32, 74, 2.0),
            design_effect(12, 30, 20, 31, 1.2)]
    an, pw = analytic_n(0.61, 0.43)
    power = {
        "p1": 0.61, "p2": 0.43, "alpha": 0.05,
        "pooled_z_exact": [{"n": n, "power": exact_power_pooled_z(0.61, 0.43, n, n)}
                           for n in range(20, 201, 20)],
        "pooled_z_exact_unequal": [{"n": [82, 74],
                                    "power": exact_power_pooled_z(0.61, 0.43, 82, 74)}],
        "fisher_exact": [{"n": [n1, n2], "power": exact_power_fisher(0.61, 0.43, n1, n2)}
                         for n1, n2 in [(20, 20), (82, 74), (60, 60), (120, 120)]],
        "analytic_n_per_group": an,
        "analytic_power": [{"n": n, "power": float(pw(n))} for n in (20, 82, 100, 150)],
    }
    from statsmodels.stats.proportion import proportion_effectsize
    newcombe = []
    for x1, n1, x2, n2, level in [(50, 82, 32, 74, 0.95), (0, 10, 3, 12, 0.95), (15, 15, 2, 30, 0.9),
                                  (47, 77, 34, 79, 0.99), (33.3, 54.7, 21.3, 49.3, 0.95)]:
        lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff",
                                            alpha=1 - level)
        newcombe.append({"x": [x1, x2], "n": [n1, n2], "level": level,
                         "interval": [float(lo), float(hi)],
                         "cohens_h": float(proportion_effectsize(x1 / n1, x2 / n2))})
    out = {"generated_by": "make_fixtures.py (scipy %s, statsmodels)" % __import__("scipy").__version__,
           "enumeration": enum_cases, "no_table": no_table, "grim": grim, "three_segments": three,
           "paired": pairs, "design_effect": deff, "power": power,
           "respondents": respondent_fixture(), "newcombe": newcombe,
           "small_omnibus": [exact_conditional_chi2([1, 4, 6], [8, 7, 9]),
                             exact_conditional_chi2([0, 3, 5, 2], [6, 5, 7, 4])]}
    with open("survey.json", "w") as f:
        json.dump(out, f, indent=1)
    a = enum_cases[0]
    print("61/43 of 156:", a["consistent_tables"], a["p_value_min"], a["p_value_max"],
          a["share_significant"])
    print("paired:", pairs[0]["feasible_tables"], pairs[0]["p_value_min"], pairs[0]["p_value_max"])
    print("power:", [round(r["power"], 4) for r in power["pooled_z_exact"]], an)
    print("deff:", deff[0])
    print("three:", three)


if __name__ == "__main__":
    main()

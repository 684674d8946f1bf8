#!/usr/bin/env python3
"""Per-pair p-value ranges over every table consistent with published percentages (3+ segments).

Run from this folder:  python3 pair_ranges.py   (SciPy; .venv-peers has it)
Writes pair_ranges.json. Independent of the Swift code: every split of the total (or every size in
the given ranges) and every count is enumerated by brute force, consistency is decided with exact
rationals (100 x / n within half a unit of the last published decimal, both ends included: the
"unknown" rounding), and each pair's two-sided Fisher p-value comes from scipy.stats.fisher_exact.
"""
import itertools
import json
from fractions import Fraction

from scipy import stats


def counts_for(n, pct, decimals):
    p = Fraction(pct)
    h = Fraction(1, 2) / Fraction(10) ** decimals
    return [x for x in range(n + 1) if p - h <= Fraction(100 * x, n) <= p + h]


def tables(pcts, decimals, total=None, ranges=None):
    k = len(pcts)
    if ranges is None:
        ranges = [range(1, total + 1)] * k
    for sizes in itertools.product(*ranges):
        if total is not None and sum(sizes) != total:
            continue
        options = [counts_for(n, p, decimals) for n, p in zip(sizes, pcts)]
        for counts in itertools.product(*options):
            yield sizes, counts


def case(names, pcts, decimals, args, total=None, ranges=None, alpha=0.05):
    cache = {}
    pairs = {(a, b): [] for a in range(len(pcts)) for b in range(a + 1, len(pcts))}
    count = 0
    for sizes, counts in tables(pcts, decimals, total, ranges):
        count += 1
        for (a, b), ps in pairs.items():
            key = (counts[a], sizes[a], counts[b], sizes[b])
            if key not in cache:
                x1, n1, x2, n2 = key
                cache[key] = float(stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)
            ps.append(cache[key])
    return {"args": args, "consistent_tables": count, "pairs": [
        {"a": names[a], "b": names[b], "p_value_min": min(ps), "p_value_max": max(ps),
         "share_significant": sum(p < alpha for p in ps) / len(ps)}
        for (a, b), ps in pairs.items()]}


def main():
    cases = [
        case("abc", ["61", "52", "43"], 0, ["--percent", "a=61,b=52,c=43", "--total", "156"],
             total=156),
        case("abc", ["50", "30", "20"], 0, ["--percent", "a=50,b=30,c=20", "--total", "60"],
             total=60),
        case("abcd", ["60", "45", "35", "20"], 0,
             ["--percent", "a=60,b=45,c=35,d=20", "--n", "a=15..30,b=15..30,c=15..30,d=15..30"],
             ranges=[range(15, 31)] * 4),
    ]
    with open("pair_ranges.json", "w") as f:
        json.dump({"generated_by": "Tests/Fixtures/survey/pair_ranges.py (scipy %s)"
                   % __import__("scipy").__version__, "cases": cases}, f, indent=1)
    for c in cases:
        print(c["consistent_tables"], [(p["a"], p["b"], round(p["p_value_min"], 4),
                                        round(p["p_value_max"], 4), p["share_significant"])
                                       for p in c["pairs"]])


if __name__ == "__main__":
    main()

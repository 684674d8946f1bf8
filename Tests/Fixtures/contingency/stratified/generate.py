"""Cross-check of the 2×2×K results in stratified_r.json with statsmodels' StratifiedTable.

Breslow–Day (test_equal_odds, adjust=False/True), the Mantel–Haenszel statistic (test_null_odds,
correction=True/False), the pooled odds ratio and its Robins–Breslow–Greenland interval; writes
stratified_py.json and fails if statsmodels and the R values differ by more than 1e-9 relative.
Strata with a zero margin are left out first (statsmodels gives NaN for them; see generate.R).

Run from this folder:  python generate.py   (statsmodels 0.14, numpy, scipy)
"""
import json

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import StratifiedTable

with open("stratified_r.json") as f:
    r = json.load(f)

out = []
for c in r["cmh"]:
    x = np.array(c["tables"], dtype=float)  # K × 2 × 2
    if x.shape[1:] != (2, 2):
        continue
    full = StratifiedTable(np.moveaxis(x, 0, 2))
    keep = [k for k in range(x.shape[0]) if (x[k].sum(0) > 0).all() and (x[k].sum(1) > 0).all()]
    used = StratifiedTable(np.moveaxis(x[keep], 0, 2))
    # Breslow–Day at the MH estimate of all strata (the left-out strata add 0 to both sums).
    used._oddsratio_pooled = full.oddsratio_pooled
    bd = used.test_equal_odds(adjust=False)
    ta = used.test_equal_odds(adjust=True)
    mh = full.test_null_odds(correction=True)
    mh0 = full.test_null_odds(correction=False)
    lo, hi = full.oddsratio_pooled_confint(alpha=0.05)
    df = len(keep) - 1
    case = {
        "name": c["name"],
        "breslow_day": float(bd.statistic),
        "tarone": float(ta.statistic),
        "breslow_day_p": float(stats.chi2.sf(bd.statistic, df)),
        "tarone_p": float(stats.chi2.sf(ta.statistic, df)),
        "statistic": float(mh.statistic),
        "statistic_uncorrected": float(mh0.statistic),
        "mh_odds_ratio": float(full.oddsratio_pooled),
        "mh_ci": [float(lo), float(hi)],
    }
    for key in ["breslow_day", "tarone", "statistic", "statistic_uncorrected", "mh_odds_ratio"]:
        assert abs(case[key] - c[key]) <= 1e-9 * abs(c[key]), (c["name"], key, case[key], c[key])
    for a, b in zip(case["mh_ci"], c["mh_ci"]):
        assert abs(a - b) <= 1e-9 * b, (c["name"], a, b)
    out.append(case)

with open("stratified_py.json", "w") as f:
    json.dump({"cmh": out}, f, indent=1)
print(f"{len(out)} cases agree with R within 1e-9")

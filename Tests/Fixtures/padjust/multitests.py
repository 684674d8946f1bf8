# Generates multitests.json: statsmodels' multipletests with method "sidak", "holm-sidak" and
# "fdr_tsbh" (alpha 0.05 and 0.1) on varied p-value vectors, and on vectors padded with ones
# (the family of n tests that resample padjust --n n describes).
# Run from this folder: python3 multitests.py   (statsmodels 0.15, numpy 2)
import json

import numpy as np
import statsmodels
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20261203)
cases = [
    [0.01, 0.02, 0.03, 0.04, 0.05],
    [0.05, 0.01, 0.04, 0.03, 0.02],
    [0.5],
    [0.04, 0.03],
    [0.001, 0.001, 0.2, 0.2, 0.2, 0.9],
    [0.0, 1.0, 0.5, 0.0, 1.0],
    [1e-300, 1e-10, 0.049, 0.051, 0.999],
    [0.3, 0.01, 0.8, 0.012, 0.04, 0.041, 0.5, 0.6, 0.7, 0.0001],
    list(rng.uniform(size=7)), list(rng.uniform(size=12) ** 3), list(rng.uniform(size=30) ** 4),
    list(rng.beta(0.3, 3, size=25)), list(np.r_[rng.uniform(size=10) * 0.01, rng.uniform(size=10)]),
    [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1], [0.001, 0.002, 0.003],
]
out = []
for p in cases:
    p = [float(v) for v in p]
    case = {"p": p}
    for m in ("sidak", "holm-sidak"):
        case[m] = multipletests(p, method=m)[1].tolist()
    for a in (0.05, 0.1):
        case[f"fdr_tsbh@{a}"] = multipletests(p, alpha=a, method="fdr_tsbh")[1].tolist()
    n = 2 * len(p) + 1
    padded = p + [1.0] * (n - len(p))
    case["n"] = n
    for m in ("sidak", "holm-sidak", "fdr_tsbh"):
        case[f"{m}@n"] = multipletests(padded, method=m)[1][: len(p)].tolist()
    out.append(case)

with open("multitests.json", "w") as f:
    json.dump({"generator": f"statsmodels {statsmodels.__version__} multipletests",
               "cases": out}, f, indent=1)

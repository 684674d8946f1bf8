# Generates scipy_permutation.json: SciPy 1.17 permutation_test p-values. Exact cases (number of
# arrangements <= n_resamples) must match exactly; Monte Carlo cases are compared within Monte
# Carlo error (SciPy's own p uses its own random stream).
# Run from this folder: python3 generate_permutation.py
import json
import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261129)


def mean_diff(x, y, axis=-1):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def median_diff(x, y, axis=-1):
    return np.median(x, axis=axis) - np.median(y, axis=axis)


def paired_mean(x, y, axis=-1):
    return np.mean(x - y, axis=axis)


cases = []
small = [
    (np.round(rng.normal(0, 1, 6), 2), np.round(rng.normal(0.8, 1, 7), 2)),
    (np.array([1.0, 2, 2, 3, 5]), np.array([2.0, 3, 3, 4, 6, 7])),
    (np.round(rng.exponential(1, 8), 1), np.round(rng.exponential(2, 5), 1)),
]
for x, y in small:
    for stat, name in ((mean_diff, "mean"), (median_diff, "median")):
        for alt in ("two-sided", "less", "greater"):
            r = stats.permutation_test((x, y), stat, permutation_type="independent",
                                       alternative=alt, n_resamples=100000, vectorized=True)
            cases.append({"design": "independent", "statistic": name, "alternative": alt,
                          "x": x.tolist(), "y": y.tolist(), "observed": float(r.statistic),
                          "p": float(r.pvalue), "exact": True})
for _ in range(2):
    x = np.round(rng.normal(0.3, 1, 10), 2)
    y = np.round(rng.normal(0, 1, 10), 2)
    for alt in ("two-sided", "less", "greater"):
        r = stats.permutation_test((x, y), paired_mean, permutation_type="samples",
                                   alternative=alt, n_resamples=100000, vectorized=True)
        cases.append({"design": "paired", "statistic": "mean", "alternative": alt,
                      "x": x.tolist(), "y": y.tolist(), "observed": float(r.statistic),
                      "p": float(r.pvalue), "exact": True})
x = rng.normal(0, 1, 60)
y = rng.normal(0.5, 1, 50)
for alt in ("two-sided", "less"):
    r = stats.permutation_test((x, y), mean_diff, permutation_type="independent",
                               alternative=alt, n_resamples=99999, vectorized=True, rng=1)
    cases.append({"design": "independent", "statistic": "mean", "alternative": alt,
                  "x": x.tolist(), "y": y.tolist(), "observed": float(r.statistic),
                  "p": float(r.pvalue), "exact": False, "replicates": 99999})
json.dump({"generator": f"scipy {scipy.__version__}", "cases": cases},
          open("scipy_permutation.json", "w"))
print(len(cases), "cases")

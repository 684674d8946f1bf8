# Generates alternatives_py.json: SciPy's binomtest and statsmodels' z tests for every
# alternative, and statsmodels' proportion_confint at alpha = 2(1 - level), whose limits are the
# one-sided limits at `level` (lower for "greater", upper for "less").
# Run from this folder: python3 alternatives.py   (scipy 1.17, statsmodels 0.15)
import json

import scipy
import statsmodels
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

ONE = [(7, 20, 0.5), (7, 20, 0.2), (3, 50, 0.1), (682, 925, 0.75), (15, 16, 0.5), (1, 3, 0.4),
       (40, 100, 0.4), (12, 40, 0.3), (5, 1000, 0.001), (999, 1000, 0.995), (33, 120, 0.25),
       (2, 7, 0.5), (60, 61, 0.9), (0, 10, 0.3), (10, 10, 0.3)]
TWO = [(15, 40, 25, 45), (83, 86, 269, 293), (120, 500, 150, 500), (1, 20, 1, 25),
       (30, 50, 30, 50), (45, 60, 20, 80)]
SCIPY_ALT = {"two-sided": "two-sided", "less": "less", "greater": "greater"}
SM_ALT = {"two-sided": "two-sided", "less": "smaller", "greater": "larger"}
METHODS = {"wilson": "wilson", "clopper_pearson": "beta", "agresti_coull": "agresti_coull",
           "jeffreys": "jeffreys", "wald": "normal"}

one = []
for x, n, p0 in ONE:
    for alt in SCIPY_ALT:
        r = binomtest(x, n, p0, alternative=SCIPY_ALT[alt])
        z, pz = proportions_ztest(x, n, value=p0, prop_var=p0, alternative=SM_ALT[alt])
        case = {"x": x, "n": n, "p0": p0, "alternative": alt, "binomtest_p": r.pvalue,
                "score_z": float(z), "score_p": float(pz), "one_sided_limits": {}}
        if alt != "two-sided" and 0 < x < n:
            for level in (0.95, 0.9):
                lims = {}
                for key, sm in METHODS.items():
                    lo, hi = proportion_confint(x, n, alpha=2 * (1 - level), method=sm)
                    lims[key] = float(hi) if alt == "less" else float(lo)
                case["one_sided_limits"][str(level)] = lims
        one.append(case)

two = []
for x1, n1, x2, n2 in TWO:
    for alt in SM_ALT:
        z, p = proportions_ztest([x1, x2], [n1, n2], alternative=SM_ALT[alt])
        two.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "alternative": alt,
                    "z": float(z), "p": float(p)})

with open("alternatives_py.json", "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}",
               "one_sample": one, "two_samples": two}, f, indent=1)

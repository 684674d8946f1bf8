# Generates proportions_py.json from cases.txt and cases2.txt with statsmodels/SciPy and mpmath.
# One sample (statsmodels proportion_confint): wilson, agresti_coull, normal (Wald), jeffreys;
#   Jeffreys with the Brown-Cai-DasGupta (2001) boundary rule: lower = 0 when x = 0 and
#   upper = 1 when x = n (statsmodels leaves the central limits there; we document the choice).
# Two samples: statsmodels confint_proportions_2indep newcomb / agresti-caffo / wald (clipped to
#   [-1, 1], which our intervals are), pooled z test (statsmodels proportions_ztest),
#   Cohen's h (statsmodels proportion_effectsize), and risk ratio / odds ratio with log-scale Wald
#   intervals at 50 digits in mpmath, adding 0.5 to every cell when any cell is zero.
# Run from this folder: python3 generate.py   (statsmodels 0.15 via pip, scipy 1.17, mpmath 1.3)
import json
import mpmath as mp
import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint,
                                          proportion_effectsize, proportions_ztest)

mp.mp.dps = 50


def rows(path):
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        yield line.split()


def clip(ci, lo, hi):
    return [min(max(float(ci[0]), lo), hi), min(max(float(ci[1]), lo), hi)]


one = []
for x, n, level in rows("cases.txt"):
    x, n, level = int(x), int(n), float(level)
    alpha = 1 - level
    case = {"x": x, "n": n, "level": level}
    for ours, theirs in [("wilson", "wilson"), ("agresti_coull", "agresti_coull"),
                         ("wald", "normal"), ("jeffreys", "jeffreys")]:
        case[ours] = clip(proportion_confint(x, n, alpha=alpha, method=theirs), 0, 1)
    if x == 0:
        case["jeffreys"][0] = 0.0
    if x == n:
        case["jeffreys"][1] = 1.0
    one.append(case)

two = []
for x1, n1, x2, n2, level in rows("cases2.txt"):
    x1, n1, x2, n2, level = int(x1), int(n1), int(x2), int(n2), float(level)
    alpha = 1 - level
    case = {"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level}
    for ours, theirs in [("newcombe", "newcomb"), ("agresti_caffo", "agresti-caffo"),
                         ("wald", "wald")]:
        case[ours] = clip(confint_proportions_2indep(x1, n1, x2, n2, method=theirs,
                                                     compare="diff", alpha=alpha), -1, 1)
    pooled = (x1 + x2) / (n1 + n2)
    if 0 < pooled < 1:
        z, p = proportions_ztest([x1, x2], [n1, n2])
        case["z_statistic"] = float(z)
        case["p_value"] = float(p)
    else:
        case["z_statistic"] = None
        case["p_value"] = None
    case["cohens_h"] = float(proportion_effectsize(x1 / n1, x2 / n2))
    a, b, c, d = [mp.mpf(v) for v in (x1, n1 - x1, x2, n2 - x2)]
    if min(a, b, c, d) == 0:
        a, b, c, d = a + mp.mpf("0.5"), b + mp.mpf("0.5"), c + mp.mpf("0.5"), d + mp.mpf("0.5")
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    rr = (a / (a + b)) / (c / (c + d))
    se_rr = mp.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    oratio = (a * d) / (b * c)
    se_or = mp.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    case["risk_ratio"] = {"estimate": float(rr),
                          "ci": [float(rr * mp.e ** (-z * se_rr)), float(rr * mp.e ** (z * se_rr))]}
    case["odds_ratio"] = {"estimate": float(oratio),
                          "ci": [float(oratio * mp.e ** (-z * se_or)),
                                 float(oratio * mp.e ** (z * se_or))]}
    two.append(case)

with open("proportions_py.json", "w") as f:
    json.dump({"generator": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, "
               f"mpmath {mp.__version__}", "one_sample": one, "two_sample": two}, f, indent=0)
    f.write("\n")

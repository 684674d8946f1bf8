# Generates score_intervals_py.json: score confidence intervals for two independent proportions
# (level 0.95 and 0.90), with the Miettinen-Nurminen variance factor N/(N-1) (statsmodels'
# default correction=True):
# - "difference": Miettinen-Nurminen, computed here from the definition: the constrained MLE
#   (p1 - p2 = delta) by solving the likelihood equation with brentq, the score statistic, and
#   its two roots in delta with brentq at xtol 1e-15 -- independent of statsmodels' closed form,
#   whose cubic has a wrong coefficient in 0.15 (statsmodels#10269); statsmodels' own
#   confint_proportions_2indep(method="score") output is recorded beside it as
#   "statsmodels_0_15" (null where it raises), for the record only;
# - "risk_ratio": statsmodels' confint_proportions_2indep(compare="ratio", method="score")
#   (Koopman via Nam's cubic, np.roots) and, independently, the roots in log(ratio) of
#   statsmodels' own score test statistic (brentq, xtol 1e-15);
# - "odds_ratio": the roots in log(odds ratio) of statsmodels' score test statistic
#   (score_test_proportions_2indep(compare="odds-ratio"), whose quadratic is right), brentq at
#   xtol 1e-15; statsmodels' confint output beside it where it does not raise;
# - "risk_ratio" also holds statsmodels' Koopman interval with correction=False (Koopman's own).
# Infinite limits are written "inf". Run from this folder:
#   python3 score_intervals.py   (scipy 1.17, statsmodels 0.15)
import json
import math
import warnings

import numpy as np
import scipy
import statsmodels
from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.proportion import (confint_proportions_2indep,
                                          score_test_proportions_2indep)

warnings.simplefilter("ignore")
XTOL = 1e-15

CASES = [
    (31, 50, 21, 49), (15, 40, 25, 45), (7, 34, 1, 34), (9, 10, 3, 10), (56, 70, 48, 80),
    (120, 400, 80, 410), (1000, 2000, 950, 2000), (2, 7, 5, 8), (1, 25, 3, 25), (6, 10, 1, 10),
    (24, 30, 5, 31), (140, 150, 130, 155), (3, 1000, 11, 1200), (45, 46, 30, 46),
    # zero counts and full groups: difference and risk ratio only
    (0, 10, 5, 10), (5, 10, 0, 10), (10, 10, 0, 10), (0, 10, 0, 10), (10, 10, 10, 10),
    (0, 10, 10, 10), (1, 20, 0, 15), (3, 3, 0, 2), (5, 5, 1, 5), (0, 25, 1, 25),
]


def num(v):
    v = float(v)
    return ("inf" if v > 0 else "-inf") if math.isinf(v) else v


def constrained_mle_diff(x1, n1, x0, n0, d):
    """(p1, p0) maximizing the binomial likelihood subject to p1 - p0 = d."""
    lo, hi = max(0.0, -d), min(1.0, 1.0 - d)

    def g(p0):  # derivative of the log-likelihood in p0, decreasing (numpy: 1/0 is inf)
        p0 = np.float64(p0)
        p1 = p0 + d
        s = 0.0
        if x1: s += x1 / p1
        if n1 - x1: s -= (n1 - x1) / (1 - p1)
        if x0: s += x0 / p0
        if n0 - x0: s -= (n0 - x0) / (1 - p0)
        return float(s)

    eps = 1e-300
    a, b = lo + (hi - lo) * 1e-15 + eps, hi - (hi - lo) * 1e-15 - eps
    ga, gb = g(a), g(b)
    if ga <= 0:
        p0 = lo
    elif gb >= 0:
        p0 = hi
    else:
        p0 = brentq(g, a, b, xtol=1e-300, rtol=8.9e-16, maxiter=500)
    return p0 + d, p0


def mn_z(x1, n1, x0, n0, d):
    p1, p0 = constrained_mle_diff(x1, n1, x0, n0, d)
    n = n1 + n0
    v = (p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0) * n / (n - 1)
    return (x1 / n1 - x0 / n0 - d) / math.sqrt(v)


def mn_difference(x1, n1, x2, n2, z):
    d = x1 / n1 - x2 / n2
    tiny = 1e-12
    if d >= 1:
        upper = 1.0
    else:
        f = lambda t: mn_z(x1, n1, x2, n2, t) + z
        b = 1 - tiny
        upper = b if f(b) > 0 else brentq(f, d + 1e-15, b, xtol=XTOL, rtol=8.9e-16)
    if d <= -1:
        lower = -1.0
    else:
        f = lambda t: mn_z(x1, n1, x2, n2, t) - z
        a = -1 + tiny
        lower = a if f(a) < 0 else brentq(f, a, d - 1e-15, xtol=XTOL, rtol=8.9e-16)
    return lower, upper


def ratio_roots(stat, x1, n1, x2, n2, z, estimate):
    """Roots in t = log(ratio) of stat(exp(t)) = -+z, outwards from the estimate."""
    t0 = math.log(estimate)

    def walk(sign, target):
        h, t = 0.25, t0
        while True:
            x = t + sign * h
            if not (stat(math.exp(x)) * sign > target * sign):
                return t, x
            t, h = x, 2 * h

    t, x = walk(1, -z)
    upper = math.exp(brentq(lambda s: stat(math.exp(s)) + z, t, x, xtol=XTOL, rtol=8.9e-16))
    t, x = walk(-1, z)
    lower = math.exp(brentq(lambda s: stat(math.exp(s)) - z, x, t, xtol=XTOL, rtol=8.9e-16))
    return lower, upper


def sm_stat(compare, x1, n1, x2, n2):
    return lambda v: score_test_proportions_2indep(
        x1, n1, x2, n2, value=v, compare=compare, correction=True).statistic


def sm_confint(x1, n1, x2, n2, compare, alpha, correction=True):
    try:
        lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="score", compare=compare,
                                            alpha=alpha, correction=correction)
        if np.iscomplexobj(lo) or np.iscomplexobj(hi) or np.isnan(lo) or np.isnan(hi):
            return None
        return [num(lo), num(hi)]
    except Exception:
        return None


out = {"generator": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}",
       "difference": [], "risk_ratio": [], "odds_ratio": []}
for x1, n1, x2, n2 in CASES:
    zero = x1 in (0, n1) or x2 in (0, n2)
    for level in (0.95, 0.90):
        z = norm.isf((1 - level) / 2)
        alpha = 1 - level
        base = {"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level}
        lo, hi = mn_difference(x1, n1, x2, n2, z)
        out["difference"].append(dict(base, interval=[lo, hi],
                                      statsmodels_0_15=sm_confint(x1, n1, x2, n2, "diff", alpha)))
        sm_rr = sm_confint(x1, n1, x2, n2, "ratio", alpha)
        if x1 > 0 and x2 > 0:
            rr = ratio_roots(sm_stat("ratio", x1, n1, x2, n2), x1, n1, x2, n2, z,
                             (x1 / n1) / (x2 / n2))
            rr = [num(rr[0]), num(rr[1])]
        else:
            rr = None
        if sm_rr is not None or rr is not None:
            out["risk_ratio"].append(dict(
                base, statsmodels=sm_rr, score_roots=rr,
                statsmodels_uncorrected=sm_confint(x1, n1, x2, n2, "ratio", alpha, False)))
        if not zero:
            est = (x1 * (n2 - x2)) / ((n1 - x1) * x2)
            o = ratio_roots(sm_stat("odds-ratio", x1, n1, x2, n2), x1, n1, x2, n2, z, est)
            out["odds_ratio"].append(dict(base, score_roots=[o[0], o[1]],
                                          statsmodels=sm_confint(x1, n1, x2, n2, "odds-ratio",
                                                                 alpha)))

with open("score_intervals_py.json", "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print({k: len(v) for k, v in out.items() if isinstance(v, list)})

# Generates exact_unconditional_py.json, the reference for `prop --exact-unconditional`:
# - "barnard": Barnard's exact unconditional test of p1 = p2 (pooled score statistic) for each
#   alternative, from the definition below at delta = 0; "scipy_barnard": SciPy's
#   barnard_exact(table, alternative, pooled=True, n=512), which maximizes the nuisance parameter
#   with shgo from 512 Sobol points and can stop at a local maximum (5/5 vs 2/6 two-sided: 0.02106
#   where the maximum is 27/1024 = 0.02637), so it is recorded as a lower bound;
# - "interval": Chan and Zhang's (1999) exact unconditional 95% and 90% intervals for p1 - p2,
#   computed here from the definition with numpy/scipy, independently of the Swift code: the
#   Farrington-Manning statistic with the constrained MLE found by bisection of the likelihood
#   equation (a vectorized bisection, not the closed-form cubic), the tail mask over all (n1+1)(n2+1) tables, the
#   nuisance p2 maximized over a 2001-point grid refined by scipy's bounded Brent search, and each
#   limit as the root of p(delta) - alpha/2 by brentq (xtol 1e-13).
# Run from this folder: ../../../.venv-peers/bin/python exact_unconditional.py   (scipy 1.17;
# about a minute)
import json
import math

import numpy as np
import scipy
from scipy.optimize import brentq, minimize_scalar
from scipy.stats import barnard_exact, binom

CASES = [(7, 20, 2, 25), (9, 12, 3, 12), (0, 10, 0, 10), (10, 10, 0, 10), (1, 30, 5, 30),
         (15, 40, 11, 35), (3, 8, 1, 9), (5, 5, 2, 6), (24, 60, 30, 60), (0, 15, 4, 17)]


def statistics(n1, n2, d):
    """Farrington-Manning z(d) of every table (y1, y2): the constrained MLE p2 (p1 = p2 + d) by a
    vectorized bisection of the log-likelihood's derivative in p2 (the likelihood is concave)."""
    y1 = np.arange(n1 + 1, dtype=float).reshape(-1, 1) + np.zeros((1, n2 + 1))
    y2 = np.zeros((n1 + 1, 1)) + np.arange(n2 + 1, dtype=float).reshape(1, -1)
    lo0, hi0 = max(0.0, -d), min(1.0, 1.0 - d)
    tiny = 1e-300

    def score(p2):
        p1 = np.clip(p2 + d, tiny, 1 - 1e-16)
        q2 = np.clip(p2, tiny, 1 - 1e-16)
        with np.errstate(divide="ignore", invalid="ignore"):
            s = (np.where(y1 > 0, y1 / p1, 0.0) - np.where(n1 - y1 > 0, (n1 - y1) / (1 - p1), 0.0)
                 + np.where(y2 > 0, y2 / q2, 0.0) - np.where(n2 - y2 > 0, (n2 - y2) / (1 - q2), 0.0))
        return s

    lo = np.full(y1.shape, lo0)
    hi = np.full(y1.shape, hi0)
    for _ in range(200):
        mid = (lo + hi) / 2
        up = score(mid) > 0
        lo = np.where(up, mid, lo)
        hi = np.where(up, hi, mid)
    p2 = (lo + hi) / 2
    p1 = p2 + d
    v = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    num = y1 / n1 - y2 / n2 - d
    with np.errstate(divide="ignore", invalid="ignore"):
        z = num / np.sqrt(v)
    z = np.where(v > 0, z, np.where(num == 0, 0.0, np.copysign(np.inf, num)))
    return z


def tail_mask(x1, n1, x2, n2, d, tail):
    z = statistics(n1, n2, d)
    obs = z[x1, x2]
    tol = 1e-10 * max(1.0, abs(obs) if math.isfinite(obs) else 0.0)
    if tail == "both":
        return (np.abs(z) >= abs(obs) - tol).astype(float)
    return (z >= obs - tol if tail == "upper" else z <= obs + tol).astype(float)


def sup_probability(mask, n1, n2, d):
    lo, hi = max(0.0, -d), min(1.0, 1.0 - d)
    k1, k2 = np.arange(n1 + 1), np.arange(n2 + 1)
    def prob(p2):
        b1 = binom.pmf(k1, n1, min(1.0, max(0.0, p2 + d)))
        b2 = binom.pmf(k2, n2, p2)
        return float(b1 @ mask @ b2)
    grid = np.linspace(lo, hi, 2001)
    vals = [prob(p) for p in grid]
    j = int(np.argmax(vals))
    a, b = grid[max(0, j - 1)], grid[min(len(grid) - 1, j + 1)]
    best = vals[j]
    if b > a:
        r = minimize_scalar(lambda p: -prob(p), bounds=(a, b), method="bounded",
                            options={"xatol": 1e-13})
        best = max(best, -r.fun)
    return best


def limits(x1, n1, x2, n2, level):
    alpha = (1 - level) / 2
    dhat = x1 / n1 - x2 / n2
    def g(d, tail):
        return sup_probability(tail_mask(x1, n1, x2, n2, d, tail), n1, n2, d) - alpha
    lower, upper = -1.0, 1.0
    if dhat > -1:
        near = -1 + (dhat + 1) * 1e-12
        if g(near, "upper") <= 0:
            lower = brentq(lambda d: g(d, "upper"), near, dhat, xtol=1e-13)
    if dhat < 1:
        near = 1 - (1 - dhat) * 1e-12
        if g(near, "lower") <= 0:
            upper = brentq(lambda d: g(d, "lower"), dhat, near, xtol=1e-13)
    return [lower, upper]


out = {"generator": f"scipy {scipy.__version__} barnard_exact(pooled=True, n=512); "
       "Chan-Zhang limits from the definition (numpy/scipy)", "cases": []}
for x1, n1, x2, n2 in CASES:
    table = [[x1, x2], [n1 - x1, n2 - x2]]
    scipy_barnard = {a: float(barnard_exact(table, alternative=a, pooled=True, n=512).pvalue)
                     for a in ("two-sided", "less", "greater")}
    barnard = {a: min(1.0, sup_probability(tail_mask(x1, n1, x2, n2, 0.0, t), n1, n2, 0.0))
               for a, t in (("two-sided", "both"), ("less", "lower"), ("greater", "upper"))}
    out["cases"].append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "barnard": barnard,
                         "scipy_barnard": scipy_barnard,
                         "ci95": limits(x1, n1, x2, n2, 0.95),
                         "ci90": limits(x1, n1, x2, n2, 0.90)})
    print(out["cases"][-1], flush=True)
with open("exact_unconditional_py.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")

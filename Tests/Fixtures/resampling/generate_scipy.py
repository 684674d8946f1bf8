# Generates scipy_intervals.json: SciPy 1.17 bootstrap intervals (percentile, basic, BCa) computed
# from a *given* bootstrap distribution (n_resamples=0 with bootstrap_result=...), so the test
# checks the interval arithmetic, z0 tie rule and jackknife acceleration independently of the RNG.
# Also an independent numpy implementation of the studentized and normal intervals.
# Run from this folder: python3 generate_scipy.py
import json
import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtri

rng = np.random.default_rng(20261129)
B = 999


def num(v):
    v = float(v)
    return str(v) if not np.isfinite(v) else v


class Prev:
    def __init__(self, dist):
        self.bootstrap_distribution = dist


def boot_dist(samples, fn, b=B):
    out = np.empty(b)
    for i in range(b):
        rs = [s[rng.integers(0, len(s), len(s))] for s in samples]
        out[i] = fn(*rs)
    return out


def trim10(x):
    return stats.trim_mean(x, 0.1)


def q90(x):
    return np.quantile(x, 0.9)


def sd1(x):
    return np.std(x, ddof=1)


cases = []
lognormal = rng.lognormal(0, 1, 30)
ties = np.round(rng.normal(5, 2, 25))
a01 = np.array([1.0] * 12 + [0.0] * 8)
b01 = np.array([1.0] * 7 + [0.0] * 11)
x2 = rng.exponential(2.0, 18)
y2 = rng.exponential(1.5, 22)
defs = [
    ("mean", [lognormal], lambda a: np.mean(a), "mean"),
    ("median", [ties], lambda a: np.median(a), "median"),
    ("quantile0.9", [lognormal], q90, "quantile"),
    ("trimmed0.1", [lognormal], trim10, "trimmed"),
    ("std", [x2], sd1, "std"),
    ("diffprop", [a01, b01], lambda a, b: np.mean(a) - np.mean(b), "difference-mean"),
    ("diffmedian", [x2, y2], lambda a, b: np.median(a) - np.median(b), "difference-median"),
    ("ratiomean", [x2, y2], lambda a, b: np.mean(a) / np.mean(b), "ratio-mean"),
    ("ratiomedian", [x2, y2], lambda a, b: np.median(a) / np.median(b), "ratio-median"),
]
for name, samples, fn, kind in defs:
    dist = boot_dist(samples, fn)
    t0 = float(fn(*samples))
    out = {"name": name, "kind": kind, "samples": [s.tolist() for s in samples],
           "replicates": dist.tolist(), "estimate": t0, "intervals": []}
    for level in (0.95, 0.9):
        for alt in ("two-sided", "less", "greater"):
            for method in ("percentile", "basic", "BCa"):
                res = stats.bootstrap(
                    tuple(samples), lambda *a: fn(*a), n_resamples=0,
                    bootstrap_result=Prev(dist), method=method, confidence_level=level,
                    alternative=alt, vectorized=False, rng=1)
                ci = res.confidence_interval
                out["intervals"].append({
                    "method": method.lower(), "level": level, "alternative": alt,
                    "lower": num(ci.low), "upper": num(ci.high)})
            # Normal interval, R boot's norm.ci formula: t0 - bias -/+ z * sd(t).
            z = ndtri(1 - ((1 - level) / 2 if alt == "two-sided" else 1 - level))
            bias = dist.mean() - t0
            sd = dist.std(ddof=1)
            lo, hi = t0 - bias - z * sd, t0 - bias + z * sd
            if alt == "less":
                lo = -np.inf
            if alt == "greater":
                hi = np.inf
            out["intervals"].append({"method": "normal", "level": level, "alternative": alt,
                                     "lower": num(lo), "upper": num(hi)})
    out["standard_error"] = float(dist.std(ddof=1))
    cases.append(out)

# Studentized interval from given (t*, se*) and se0, with type-7 quantiles (numpy 'linear').
t = rng.normal(1.0, 0.3, B)
se = np.abs(rng.normal(0.3, 0.05, B))
t0 = 1.02
se0 = 0.31
piv = (t - t0) / se
stud = []
for level in (0.95, 0.8):
    alpha = (1 - level) / 2
    stud.append({"level": level, "lower": float(t0 - se0 * np.quantile(piv, 1 - alpha)),
                 "upper": float(t0 - se0 * np.quantile(piv, alpha))})

json.dump({"generator": f"scipy {scipy.__version__}, numpy {np.__version__}", "cases": cases,
           "studentized": {"t": t.tolist(), "se": se.tolist(), "t0": t0, "se0": se0,
                           "intervals": stud}},
          open("scipy_intervals.json", "w"), indent=None)
print("wrote", len(cases), "cases")

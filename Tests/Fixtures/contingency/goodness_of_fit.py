# Generates goodness_of_fit_py.json with SciPy and exact enumeration:
# - "gof": scipy.stats.power_divergence(f_obs, f_exp, ddof, lambda_) for goodness-of-fit cases
#   (R's and SciPy's documentation examples, zero cells) and every named lambda plus 0.3, -1.5,
#   2.5; f_exp is N*p for a case given by p (R's expected counts), the mean for uniform cases;
# - "tables": scipy.stats.chi2_contingency(table, correction, lambda_) for the tables of
#   tables.txt without empty margins, both corrections, the same lambdas;
# - "monte_carlo": the exact multinomial p-value P(X2 >= (1 - 64 eps) X2_obs) of Pearson's
#   statistic under the null, by enumerating every outcome (float sums of exact pmf terms), for
#   small cases, to check the Monte Carlo p-value within its standard error.
# Run from this folder: python3 goodness_of_fit.py   (scipy 1.17, numpy 2)
import json
import math
import warnings

import numpy as np
import scipy
from scipy.stats import chi2_contingency, power_divergence

LAMBDAS = ["pearson", "log-likelihood", "freeman-tukey", "mod-log-likelihood", "neyman",
           "cressie-read", 0.3, -1.5, 2.5]


def num(v):
    """A JSON-safe number: non-finite values as the strings "inf", "-inf", "nan"."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


GOF = [
    # name, observed, kind, values, ddof
    ("R chisq.test example (p)", [89, 37, 30, 28, 2], "p", [0.40, 0.20, 0.20, 0.15, 0.05], 0),
    ("R chisq.test example (p 2)", [89, 37, 30, 28, 2], "p", [0.40, 0.20, 0.20, 0.19, 0.01], 0),
    ("R chisq.test example (rescale)", [89, 37, 30, 28, 2], "rescale", [40, 20, 20, 15, 5], 0),
    ("R chisq.test example (uniform)", [20, 15, 25], "uniform", None, 0),
    ("SciPy chisquare (uniform)", [16, 18, 16, 14, 12, 12], "uniform", None, 0),
    ("SciPy chisquare (f_exp)", [16, 18, 16, 14, 12, 12], "expected", [16, 16, 16, 16, 16, 8], 0),
    ("SciPy chisquare (ddof 1)", [16, 18, 16, 14, 12, 12], "uniform", None, 1),
    ("SciPy chisquare (ddof 2)", [16, 18, 16, 14, 12, 12], "uniform", None, 2),
    ("ten categories", [31, 12, 44, 8, 19, 27, 5, 36, 22, 14], "p",
     [0.12, 0.06, 0.18, 0.04, 0.1, 0.12, 0.03, 0.16, 0.11, 0.08], 0),
    ("two categories", [7, 23], "p", [0.3, 0.7], 0),
    ("large counts", [123456, 98765, 100234], "uniform", None, 0),
    ("zero observed", [0, 5, 7], "uniform", None, 0),
    ("zero expected, positive observed", [3, 5, 4], "expected", [0, 6, 6], 0),
    ("zero expected, zero observed", [0, 6, 6], "p", [0, 0.5, 0.5], 0),
]

gof = []
for name, obs, kind, values, ddof in GOF:
    n = sum(obs)
    if kind == "uniform":
        f_exp = None
    elif kind == "p":
        f_exp = [n * p for p in values]
    elif kind == "rescale":
        s = sum(values)
        f_exp = [n * (p / s) for p in values]
    else:
        f_exp = [float(v) for v in values]
    for lam in LAMBDAS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = power_divergence(obs, f_exp, ddof=ddof, lambda_=lam)
        exp = f_exp if f_exp is not None else [n / len(obs)] * len(obs)
        gof.append({"name": name, "observed": obs, "kind": kind, "values": values, "ddof": ddof,
                    "lambda": lam if isinstance(lam, str) else float(lam),
                    "statistic": num(r.statistic), "p_value": num(r.pvalue),
                    "expected": [float(e) for e in exp]})

tables = []
with open("tables.txt") as f:
    for line in f:
        t = [[int(v) for v in r.split(",")] for r in line.strip().split(";")]
        a = np.array(t)
        if a.shape[0] < 2 or a.shape[1] < 2 or (a.sum(0) == 0).any() or (a.sum(1) == 0).any():
            continue
        for correction in (True, False):
            for lam in LAMBDAS:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = chi2_contingency(a, correction=correction, lambda_=lam)
                tables.append({"table": t, "correction": correction,
                               "lambda": lam if isinstance(lam, str) else float(lam),
                               "statistic": num(r.statistic), "p_value": num(r.pvalue),
                               "df": int(r.dof)})


def compositions(n, k):
    """Every vector of k counts >= 0 summing to n."""
    if k == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in compositions(n - first, k - 1):
            yield (first,) + rest


def exact_multinomial_p(obs, p):
    n = sum(obs)
    e = [n * q for q in p]

    def x2(x):
        return sum((xi - ei) ** 2 / ei for xi, ei in zip(x, e))

    threshold = (1 - 64 * np.finfo(float).eps) * x2(obs)
    logp = [math.log(q) for q in p]
    total = 0.0
    for x in compositions(n, len(obs)):
        if x2(x) >= threshold:
            lp = math.lgamma(n + 1) + sum(xi * lq - math.lgamma(xi + 1) for xi, lq in zip(x, logp))
            total += math.exp(lp)
    return x2(obs), total


MC = [
    ([3, 7, 2, 8], [0.25, 0.25, 0.25, 0.25]),
    ([1, 6, 3], [0.2, 0.5, 0.3]),
    ([5, 9, 2, 4, 10], [0.2, 0.2, 0.2, 0.2, 0.2]),
    ([12, 5, 3], [0.5, 0.3, 0.2]),
    ([2, 1, 0, 9], [0.4, 0.2, 0.2, 0.2]),
]
monte_carlo = []
for obs, p in MC:
    stat, pv = exact_multinomial_p(obs, p)
    monte_carlo.append({"observed": obs, "p": p, "statistic": stat, "exact_p_value": pv})

with open("goodness_of_fit_py.json", "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}, numpy {np.__version__}", "gof": gof,
               "tables": tables, "monte_carlo": monte_carlo}, f, indent=1, allow_nan=False)
print(len(gof), "gof,", len(tables), "tables,", len(monte_carlo), "monte carlo")

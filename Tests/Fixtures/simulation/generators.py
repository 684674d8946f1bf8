# Reference moments and quartiles of simulate's one-sample generators, from SciPy's
# distributions (the normal mixture by numerical integration and root finding; clustered
# binomial data per cluster by the beta-binomial), for
# Tests/SimulationTests/SimulationGeneratorTests.swift. Run: python3 generators.py > generators.json
import json
import numpy as np
from scipy import stats, integrate, optimize

cases = {
    "t": ({"df": 10, "location": 1.0, "scale": 2.0}, stats.t(10, loc=1.0, scale=2.0)),
    "t-heavy": ({"df": 2.5}, stats.t(2.5)),
    "gamma": ({"shape": 2.0, "scale": 1.5}, stats.gamma(2.0, scale=1.5)),
    "gamma-small-shape": ({"shape": 0.5, "scale": 3.0}, stats.gamma(0.5, scale=3.0)),
    "beta": ({"a": 2.0, "b": 5.0}, stats.beta(2.0, 5.0)),
    "beta-u": ({"a": 0.5, "b": 0.5}, stats.beta(0.5, 0.5)),
    "poisson": ({"lambda": 3.0}, stats.poisson(3.0)),
    "poisson-large": ({"lambda": 50.0}, stats.poisson(50.0)),
}
out = []
for name, (params, d) in cases.items():
    m, v, _, k = (float(x) for x in d.stats(moments="mvsk"))
    row = {"name": name, "data": name.split("-")[0], "parameters": params, "mean": m,
           "variance": v, "excess_kurtosis": k if np.isfinite(k) else None,
           "quartiles": [float(d.ppf(q)) for q in (0.25, 0.5, 0.75)]}
    if name == "poisson" or name == "poisson-large":
        # P(X <= q) at the quartile points (discrete: the CDF jumps there).
        row["cdf_at_quartiles"] = [float(d.cdf(q)) for q in row["quartiles"]]
    else:
        row["cdf_at_quartiles"] = [0.25, 0.5, 0.75]
    out.append(row)

w, mu, sd = np.array([0.7, 0.3]), np.array([0.0, 3.0]), np.array([1.0, 0.5])
pdf = lambda x: float(np.sum(w * stats.norm.pdf(x, mu, sd)))
cdf = lambda x: float(np.sum(w * stats.norm.cdf(x, mu, sd)))
mean = integrate.quad(lambda x: x * pdf(x), -np.inf, np.inf, epsabs=1e-13)[0]
c2 = integrate.quad(lambda x: (x - mean) ** 2 * pdf(x), -np.inf, np.inf, epsabs=1e-13)[0]
c4 = integrate.quad(lambda x: (x - mean) ** 4 * pdf(x), -np.inf, np.inf, epsabs=1e-13)[0]
qs = [optimize.brentq(lambda x: cdf(x) - q, -10, 10, xtol=1e-14) for q in (0.25, 0.5, 0.75)]
out.append({"name": "normal-mixture", "data": "normal-mixture",
            "parameters": {"weights": w.tolist(), "means": mu.tolist(), "sds": sd.tolist()},
            "mean": mean, "variance": c2, "excess_kurtosis": c4 / c2 ** 2 - 3,
            "quartiles": qs, "cdf_at_quartiles": [0.25, 0.5, 0.75]})
# Clustered binomial data: each cluster's successes of m = 10 with ICC 0.1 and p = 0.3 are
# beta-binomial with a = p(1 - icc)/icc, b = (1 - p)(1 - icc)/icc.
m, p, icc = 10, 0.3, 0.1
d = stats.betabinom(m, p * (1 - icc) / icc, (1 - p) * (1 - icc) / icc)
mean, v, _, k = (float(x) for x in d.stats(moments="mvsk"))
qs = [float(d.ppf(q)) for q in (0.25, 0.5, 0.75)]
out.append({"name": "clustered-binomial", "data": "clustered-binomial",
            "parameters": {"p": [p, p], "cluster_size": m, "icc": icc},
            "mean": mean, "variance": v, "excess_kurtosis": k, "quartiles": qs,
            "cdf_at_quartiles": [float(d.cdf(q)) for q in qs]})
print(json.dumps(out, indent=1))

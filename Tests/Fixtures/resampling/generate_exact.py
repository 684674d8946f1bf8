# Generates w1_exact.json: the ideal (B -> infinity) bootstrap distribution of pA - pB for W1
# (A 31/50, B 21/49, each resampled within itself), by convolving the two binomials exactly, and
# the limiting percentile and BCa intervals (z0 with ties counted half; SciPy's multi-sample
# jackknife acceleration), and with R boot's strict z0 = qnorm(mean(t < t0)) (the value quoted in
# Benchmarks/peers/README.md, [-0.0106122, 0.3738776]). Run from this folder: python3 generate_exact.py
import json
from fractions import Fraction
import numpy as np
from scipy import stats
from scipy.special import ndtri, ndtr

na, ka, nb, kb = 50, 31, 49, 21
pa = stats.binom.pmf(np.arange(na + 1), na, ka / na)
pb = stats.binom.pmf(np.arange(nb + 1), nb, kb / nb)
dist = {}
for i in range(na + 1):
    for j in range(nb + 1):
        v = Fraction(i, na) - Fraction(j, nb)
        dist[v] = dist.get(v, 0.0) + pa[i] * pb[j]
vals = sorted(dist)
probs = np.array([dist[v] for v in vals])
cdf = np.cumsum(probs)
x = np.array([float(v) for v in vals])
t0 = Fraction(ka, na) - Fraction(kb, nb)
mean = float(np.sum(x * probs))
se = float(np.sqrt(np.sum(probs * (x - mean) ** 2)))


def q(p):  # limit of type-7 quantiles: smallest x with F(x) >= p
    return float(x[np.searchsorted(cdf, p)])


below = sum(dist[v] for v in vals if v < t0)
equal = dist.get(t0, 0.0)
z0 = float(ndtri(below + 0.5 * equal))
# SciPy multi-sample jackknife acceleration (closed form for means of 0/1 data).
nums, dens = 0.0, 0.0
for n, k, sign in ((na, ka, 1), (nb, kb, -1)):
    xs = np.array([1.0] * k + [0.0] * (n - k))
    u = sign * (xs - xs.mean())
    nums += np.sum(u ** 3) / n ** 3
    dens += np.sum(u ** 2) / n ** 2
a = nums / (6 * dens ** 1.5)
za = ndtri(0.025)
a1 = ndtr(z0 + (z0 + za) / (1 - a * (z0 + za)))
a2 = ndtr(z0 + (z0 - za) / (1 - a * (z0 - za)))
z0s = float(ndtri(below))  # R boot's rule: ties not counted
a1s = ndtr(z0s + (z0s + za) / (1 - a * (z0s + za)))
a2s = ndtr(z0s + (z0s - za) / (1 - a * (z0s - za)))
out = {"generator": "exact binomial convolution (scipy.stats.binom)",
       "estimate": float(t0), "standard_error": se, "z0": z0, "acceleration": a,
       "percentile": [q(0.025), q(0.975)], "bca": [q(a1), q(a2)],
       "bca_levels": [float(a1), float(a2)],
       "z0_strict": z0s, "bca_strict": [q(a1s), q(a2s)], "lattice_step": 1 / (na * nb)}
json.dump(out, open("w1_exact.json", "w"), indent=1)
print(out)

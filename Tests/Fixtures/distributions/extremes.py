#!/usr/bin/env python3
"""Reference values for the distributions at extreme parameters (issue 16), at 50 digits.

Run from this folder:  python3 extremes.py   (needs mpmath >= 1.3; about a minute)

Same row format as generate.py ({"generator", "rows": [[family, [params], function, argument,
reference], ...]}, every number a string). Methods:
- Student t with huge ν (1e7 ... 1e300): the Cornish–Fisher expansion of the quantile in 1/ν
  (Abramowitz & Stegun 26.7.5, terms g1..g4); the omitted term is below 1e-25 relative for
  ν ≥ 1e7 and |z| ≤ 40. cdf/sf rows solve that expansion for z at 50 digits and report Φ(z).
- χ²/gamma with large shape a (1e6 ... 1e10) and Poisson with large rate: the regularized lower
  incomplete gamma P(a, x) = x^a e^(−x) / Γ(a+1) · 1F1(1; a+1; x) summed by mpmath to 50 digits
  (its gammainc refuses shapes this large); Q = 1 − P at 50 digits (the rows keep Q ≥ 1e-12, so
  no cancellation reaches the 25 printed digits); quantiles by mpmath.findroot on P − p.
"""
import json
import os

from mpmath import mp, mpf, exp, log, loggamma, hyp1f1, ncdf, findroot, erfinv, sqrt

mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def s(x):
    return repr(float(x)) if not isinstance(x, str) else x


def normal_quantile(p):
    with mp.workdps(700):  # 2p − 1 must keep p = 1e-300
        z = sqrt(2) * erfinv(2 * mpf(p) - 1)
    return +z


def t_from_z(z, nu):
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / nu + g2 / nu**2 + g3 / nu**3 + g4 / nu**4


def t_cdf(x, nu):
    z = findroot(lambda z: t_from_z(z, nu) - x, mpf(x))
    return ncdf(z), ncdf(-z)


def lower_gamma(a, x):
    a, x = mpf(a), mpf(x)
    return exp(a * log(x) - x - loggamma(a + 1)) * hyp1f1(1, a + 1, x, maxterms=10**8)


def gamma_quantile(a, p):
    a = mpf(a)
    start = a + sqrt(a) * normal_quantile(p)
    return findroot(lambda x: lower_gamma(a, x) - p, start, tol=mpf(10) ** -40)


rows = []
for nu in ["1e7", "1e9", "1e12", "1e15", "1e18", "1e20", "1e25", "1e50", "1e155", "1e200", "1e300"]:
    n = mpf(nu)
    for p in ["0.975", "0.6", "1e-10", "1e-300"]:
        z = normal_quantile(mpf(p))
        rows.append(["t", [nu], "quantile", p, mp.nstr(t_from_z(z, n), 25)])
        rows.append(["t", [nu], "upperQuantile", p, mp.nstr(-t_from_z(z, n), 25)])
    for x in ["1.959963984540054", "0.25", "8", "30"]:
        lo, up = t_cdf(mpf(x), n)
        rows.append(["t", [nu], "cdf", x, mp.nstr(lo, 25)])
        rows.append(["t", [nu], "sf", x, mp.nstr(up, 25)])

for df in ["2e6", "2e8", "2e9", "2e10"]:
    a = mpf(df) / 2
    for x in [mpf(df), mpf(df) + 5 * sqrt(2 * mpf(df)), mpf(df) - 3 * sqrt(2 * mpf(df))]:
        xd = float(x)
        p = lower_gamma(a, mpf(xd) / 2)
        rows.append(["chi2", [df], "cdf", repr(xd), mp.nstr(p, 25)])
        rows.append(["chi2", [df], "sf", repr(xd), mp.nstr(1 - p, 25)])
    if df in ("2e6", "2e8"):
        for p in ["0.975", "0.5"]:
            rows.append(["chi2", [df], "quantile", p, mp.nstr(2 * gamma_quantile(a, mpf(p)), 25)])

for rate in ["1e8", "1e9", "1e10"]:
    lam = mpf(rate)
    for k in [lam, lam + 4 * sqrt(lam)]:
        kd = int(k)
        p = lower_gamma(kd + 1, lam)  # P(X > k) = P(k + 1, λ)
        rows.append(["poisson", [rate], "cdf", str(kd), mp.nstr(1 - p, 25)])
        rows.append(["poisson", [rate], "sf", str(kd), mp.nstr(p, 25)])

with open(os.path.join(HERE, "extremes.json"), "w") as f:
    json.dump({"generator": "extremes.py (mpmath %s, 50 digits)" % __import__("mpmath").__version__,
               "rows": rows}, f, indent=0)
print(len(rows), "rows")

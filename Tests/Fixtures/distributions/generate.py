#!/usr/bin/env python3
"""Reference values for SpecialFunctions and Distributions, computed with mpmath at 50 digits.

Run from this folder:  python3 generate.py   (needs mpmath >= 1.3, scipy for starting guesses only)

Every number is written as a string (repr of the double parameters and argument,
`mp.nstr(value, 25)` for the reference) so that 1e-300, inf and nan survive JSON and every double
is parsed exactly. Each output file holds
  {"generator": ..., "rows": [[family, [params...], function, argument, reference], ...]}
The argument is the exact double the Swift test passes; the reference is the exact function
value at that double, correctly rounded to 25 significant digits.

Reference methods (all at mp.dps = 50 or more):
- log-gamma, erf, erfc, P(a, x), Q(a, x): mpmath's own loggamma, erf, erfc, gammainc.
- I_x(a, b) and 1 - I_x(a, b): mpmath's betainc fails to converge for a, b ~ 1e4, so the
  regularized incomplete beta is evaluated here with the classical continued fraction
  (Didonato & Morris 1992, eq. 2.3 / Numerical Recipes `betacf`) at 80 digits, each tail
  on its own side of the mean; the generator checks it against mpmath.betainc wherever the
  latter converges (agreement to 1e-40 is asserted).
- quantiles: Newton iteration on log F (or log S) in log-space at 60 digits, started from
  SciPy's double-precision answer, iterated to a relative step below 1e-40.
- binomial and hypergeometric cdf/sf: the tail away from the mode is an exact summation of
  50-digit pmf terms (by term ratios, from k outward, stopping once terms fall below 1e-60 of
  the sum); the other tail is its complement at 50 digits. Poisson via mpmath gammainc.
Points whose reference underflows below 1e-300 (or overflows) are skipped.
"""
import json
import math
import os
import sys
import time

import mpmath
from mpmath import mp, mpf
import scipy.stats as st

mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
TINY = mpf("1e-300")


def s(v):
  """A reference value as a string with 25 significant digits (or inf/nan)."""
  if isinstance(v, float):
    return repr(v)
  if mp.isinf(v):
    return "inf" if v > 0 else "-inf"
  if mp.isnan(v):
    return "nan"
  return mp.nstr(v, 25, min_fixed=-5, max_fixed=5) if v != 0 else "0"


def ok(v):
  """Whether a reference is representable: zero, or |v| within [1e-300, 1e300]."""
  return v == 0 or (TINY <= abs(v) <= mpf("1e300"))


def gamma_both(a, x):
  """(P(a, x), Q(a, x)): the smaller one from mpmath's gammainc, the other as its complement."""
  a, x = mpf(a), mpf(x)
  if x <= 0:
    return mpf(0), mpf(1)
  if x < a:
    P = mp.gammainc(a, 0, x, regularized=True)
    if P < 0.5:
      return P, 1 - P
  Q = mp.gammainc(a, x, mp.inf, regularized=True)
  if Q <= 0.5:
    return 1 - Q, Q
  P = mp.gammainc(a, 0, x, regularized=True)
  return P, 1 - P


# ---------------------------------------------------------------- incomplete beta (80 digits)

def _betacf(a, b, x):
  """Continued fraction for I_x(a,b) * a * B(a,b) / (x^a (1-x)^b) (modified Lentz)."""
  tiny = mpf(10) ** (-(mp.dps + 30))
  eps = mpf(10) ** (-(mp.dps - 5))
  qab, qap, qam = a + b, a + 1, a - 1
  c = mpf(1)
  d = 1 - qab * x / qap
  if abs(d) < tiny:
    d = tiny
  d = 1 / d
  h = d
  for m in range(1, 200000):
    m2 = 2 * m
    aa = m * (b - m) * x / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    d = tiny if abs(d) < tiny else d
    c = 1 + aa / c
    c = tiny if abs(c) < tiny else c
    d = 1 / d
    h *= d * c
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    d = tiny if abs(d) < tiny else d
    c = 1 + aa / c
    c = tiny if abs(c) < tiny else c
    d = 1 / d
    delta = d * c
    h *= delta
    if abs(delta - 1) < eps:
      return h
  raise RuntimeError("betacf did not converge for a=%s b=%s x=%s" % (a, b, x))


def _beta_front(a, b, x):
  """x^a (1-x)^b / (a B(a, b))."""
  return mp.exp(a * mp.log(x) + b * mp.log(1 - x) - mp.log(a)
                - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))


def beta_both(a, b, x):
  """(I_x(a,b), 1 - I_x(a,b)), each accurate in its own tail."""
  with mp.workdps(80):
    a, b, x = mpf(a), mpf(b), mpf(x)
    if x <= 0:
      return mpf(0), mpf(1)
    if x >= 1:
      return mpf(1), mpf(0)
    if x < (a + 1) / (a + b + 2):
      lo = _beta_front(a, b, x) * _betacf(a, b, x)
      hi = 1 - lo
    else:
      hi = _beta_front(b, a, 1 - x) * _betacf(b, a, 1 - x)
      lo = 1 - hi
    return +lo, +hi


def check_beta():
  for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.9), (10, 100, 0.05), (0.01, 1, 0.2),
                  (100, 10, 0.95), (1, 1000, 0.001), (3.5, 0.5, 0.999)]:
    lo, hi = beta_both(a, b, x)
    ref = mp.betainc(a, b, 0, x, regularized=True)
    ref2 = mp.betainc(a, b, x, 1, regularized=True)
    assert abs(lo - ref) <= mpf("1e-40") * abs(ref), (a, b, x, lo, ref)
    assert abs(hi - ref2) <= mpf("1e-40") * abs(ref2), (a, b, x, hi, ref2)


# ---------------------------------------------------------------- quantiles by Newton in logs

def newton_log(logF, dlogF_du, u0, target):
  """Solves logF(u) = target by Newton on u; returns u."""
  u = mpf(u0)
  for _ in range(200):
    g = logF(u) - target
    step = g / dlogF_du(u)
    u -= step
    if abs(step) <= mpf("1e-42") * max(1, abs(u)):
      return u
  raise RuntimeError("newton did not converge")


def positive_quantile(cdf, sf, pdf, p, upper, start):
  """Quantile x > 0 (lower: cdf(x) = p; upper: sf(x) = p) by Newton on u = log x."""
  with mp.workdps(60):
    p = mpf(p)
    if upper:
      lf = lambda u: mp.log(sf(mp.exp(u)))
      dlf = lambda u: -pdf(mp.exp(u)) * mp.exp(u) / sf(mp.exp(u))
    else:
      lf = lambda u: mp.log(cdf(mp.exp(u)))
      dlf = lambda u: pdf(mp.exp(u)) * mp.exp(u) / cdf(mp.exp(u))
    u = newton_log(lf, dlf, math.log(start), mp.log(p))
    return +mp.exp(u)


PS = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.01, 0.1, 0.5, 0.9, 0.99, 1 - 1e-10, 1 - 1e-16]


def add_quantiles(rows, fam, params, cdf, sf, pdf, sp):
  """Quantile and upper quantile at PS for a positive-support distribution."""
  for p in PS:
    for upper in (False, True):
      fn = "upperQuantile" if upper else "quantile"
      start = sp.isf(p) if upper else sp.ppf(p)
      # SciPy's own double answer is a start only; where it is 0/inf use its complement.
      if not (math.isfinite(start) and start > 0):
        start = sp.ppf(1 - p) if upper else sp.isf(1 - p) if p > 0.5 else float("nan")
      if not (math.isfinite(start) and start > 0):
        continue
      try:
        x = positive_quantile(cdf, sf, pdf, p, upper, start)
      except (RuntimeError, ZeroDivisionError, ValueError):
        print("  skip quantile", fam, params, fn, p, file=sys.stderr)
        continue
      if ok(x) and x < mpf("1e300"):
        rows.append([fam, [float(v) for v in params], fn, repr(p), s(x)])


# ---------------------------------------------------------------- families

def logspace(lo, hi, n):
  return [float(10 ** (math.log10(lo) + (math.log10(hi) - math.log10(lo)) * i / (n - 1)))
          for i in range(n)]


def special_rows():
  rows = []
  for x in logspace(1e-10, 1e5, 40) + [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 0.999, 1.001, 1.999, 2.001,
                                        10.5, 171.5, 1e10, 1e100]:
    rows.append(["sf", [], "logGamma", repr(x), s(mp.loggamma(mpf(x)))])
  for x in [i / 8 for i in range(-48, 49)] + [-27.0, -26.5, 26.5, 27.0, 1e-10, -1e-10, 1e-300]:
    rows.append(["sf", [], "erf", repr(x), s(mp.erf(mpf(x)))])
    v = mp.erfc(mpf(x))
    if ok(v):
      rows.append(["sf", [], "erfc", repr(x), s(v)])
  for n in [0, 1, 2, 10, 100, 255, 256, 1000, 10 ** 5, 10 ** 6, 10 ** 9]:
    rows.append(["sf", [], "logFactorial", repr(float(n)), s(mp.loggamma(n + 1))])
  for n, k in [(10, 3), (100, 50), (1000, 1), (10 ** 6, 3 * 10 ** 5), (10 ** 6, 10), (50, 0)]:
    rows.append(["sf", [float(n)], "logChoose", repr(float(k)), s(mp.log(mp.binomial(n, k)))])
  for a in [0.01, 0.5, 1, 3.5, 10, 100, 1e4, 1e6]:
    for b in [0.01, 0.5, 2, 30, 1e3, 1e6]:
      v = mp.loggamma(mpf(a)) + mp.loggamma(mpf(b)) - mp.loggamma(mpf(a) + mpf(b))
      rows.append(["sf", [a], "logBeta", repr(float(b)), s(v)])
  # Regularized incomplete gamma.
  for a in [0.01, 0.1, 0.5, 1, 1.5, 3, 10, 30, 100, 300, 1000, 1e4, 1e5]:
    for x in logspace(1e-10, 1e5, 28) + [a * f for f in (0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 2.0)]:
      P, Q = gamma_both(a, x)
      if ok(P) and P != 0:
        rows.append(["sf", [a], "gammaP", repr(x), s(P)])
      if ok(Q) and Q != 0:
        rows.append(["sf", [a], "gammaQ", repr(x), s(Q)])
  # Regularized incomplete beta.
  grid = [0.01, 0.1, 0.5, 1, 2, 10, 100, 1000, 1e4]
  for a in grid:
    for b in grid:
      mean = a / (a + b)
      sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
      xs = [1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-8,
            1 - 1e-15]
      xs += [mean + k * sd for k in (-5, -2, -0.5, 0, 0.5, 2, 5)]
      for x in sorted(set(x for x in xs if 0 < x < 1)):
        lo, hi = beta_both(a, b, x)
        if ok(lo) and lo != 0:
          rows.append(["sf", [a, b], "betaI", repr(x), s(lo)])
        if ok(hi) and hi != 0:
          rows.append(["sf", [a, b], "betaIc", repr(x), s(hi)])
  return rows


def chi2_rows():
  rows = []
  for df in [1, 2, 3, 5, 10, 30, 50, 100, 150, 200]:
    k = mpf(df) / 2
    lg = mp.loggamma(k)
    pdf = lambda x, k=k, lg=lg: mp.exp((k - 1) * mp.log(x) - x / 2 - k * mp.log(2) - lg)
    cdf = lambda x, k=k: gamma_both(k, x / 2)[0]
    sf = lambda x, k=k: gamma_both(k, x / 2)[1]
    xs = logspace(1e-10, 1e4, 60) + [df * f for f in (0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 1.5, 2)]
    for x in xs:
      X = mpf(x)
      for name, f in (("cdf", cdf), ("sf", sf), ("pdf", pdf)):
        v = f(X)
        if ok(v) and v != 0:
          rows.append(["chi2", [float(df)], name, repr(x), s(v)])
    add_quantiles(rows, "chi2", [float(df)], cdf, sf, pdf, st.chi2(df))
  return rows


def normal_rows():
  rows = []
  xs = [i / 4 for i in range(-160, 161)] + [-37.5, 8.3, -1e-10, 1e-10, 1e-300]
  for x in xs:
    X = mpf(x)
    for name, v in (("cdf", mp.ncdf(X)), ("sf", mp.ncdf(-X)), ("pdf", mp.npdf(X))):
      if ok(v) and v != 0:
        rows.append(["normal", [0.0, 1.0], name, repr(x), s(v)])
  ps = [10.0 ** -e for e in range(300, 0, -7)] + [0.02, 0.1, 0.3, 0.4, 0.49, 0.5, 0.51, 0.6,
                                                 0.75, 0.9, 0.975, 0.99, 0.999999,
                                                 1 - 1e-10, 1 - 1e-14, 1 - 1e-16]
  for p in ps:
    for upper in (False, True):
      P = mpf(p)
      if p == 0.5:
        z = mpf(0)
      else:
        # Solve S(z) = t for t = min(P, 1 - P) with z > 0, then place the sign.
        t = P if P < 0.5 else 1 - P
        start = float(st.norm.isf(float(t)))
        with mp.workdps(60):
          lf = lambda z: mp.log(mp.ncdf(-z))
          dlf = lambda z: -mp.npdf(z) / mp.ncdf(-z)
          z = newton_log(lf, dlf, start, mp.log(t))
        # lower quantile: below 0.5 it is -z; upper quantile: above 0.5 it is -z.
        if (P < 0.5) != upper:
          z = -z
      rows.append(["normal", [0.0, 1.0], "upperQuantile" if upper else "quantile", repr(p),
                   s(z)])
  # A non-standard normal.
  for x in [-100.0, 3.0, 7.5, 250.0]:
    X = (mpf(x) - 3) / mpf(2.5)
    rows.append(["normal", [3.0, 2.5], "cdf", repr(x), s(mp.ncdf(X))])
    rows.append(["normal", [3.0, 2.5], "sf", repr(x), s(mp.ncdf(-X))])
    rows.append(["normal", [3.0, 2.5], "pdf", repr(x), s(mp.npdf(X) / mpf(2.5))])
  return rows


def t_sf(df, x):
  """P(T > x) for x >= 0, via the incomplete beta at 80 digits."""
  if x == 0:
    return mpf(1) / 2
  with mp.workdps(80):
    z = mpf(df) / (mpf(df) + mpf(x) ** 2)
    lo, _ = beta_both(mpf(df) / 2, mpf(1) / 2, z)
    return lo / 2


def t_rows():
  rows = []
  for df in [1, 2, 3.5, 10, 1e6]:
    D = mpf(df)
    lc = mp.loggamma((D + 1) / 2) - mp.loggamma(D / 2) - mp.log(D * mp.pi) / 2
    pdf = lambda x, D=D, lc=lc: mp.exp(lc - (D + 1) / 2 * mp.log1p(x * x / D))
    sfp = lambda x, df=df: t_sf(df, x)
    xs = [0.0] + logspace(1e-8, 1e6, 30) + [1.0, 2.0, 3.0, 5.0, 38.0]
    for x in sorted(set(xs)):
      for sign in (1, -1):
        X = mpf(sign * x)
        upper = t_sf(df, abs(X))
        lower = 1 - upper if X >= 0 else upper
        sfv = upper if X >= 0 else 1 - upper
        for name, v in (("cdf", lower), ("sf", sfv), ("pdf", pdf(X))):
          if ok(v) and v != 0:
            rows.append(["t", [float(df)], name, repr(sign * x), s(v)])
    # Quantiles: for p < 1/2 the lower quantile is minus the upper quantile of p.
    sp = st.t(df)
    for p in PS:
      for upper in (False, True):
        P = mpf(p)
        if p == 0.5:
          rows.append(["t", [float(df)], "upperQuantile" if upper else "quantile", repr(p), "0"])
          continue
        tail = P if P < 0.5 else 1 - P
        start = float(sp.isf(float(tail)))
        if not (math.isfinite(start) and start > 0):
          continue
        with mp.workdps(60):
          z = positive_quantile(None, sfp, pdf, tail, True, start)
        if (P < 0.5) != upper:
          z = -z
        if ok(z):
          rows.append(["t", [float(df)], "upperQuantile" if upper else "quantile", repr(p), s(z)])
  return rows


def beta_family_rows():
  rows = []
  for a, b in [(0.5, 0.5), (2.0, 5.0), (0.01, 2.0), (100.0, 1000.0), (1e4, 1e4), (3.5, 0.1)]:
    A, B = mpf(a), mpf(b)
    lb = mp.loggamma(A) + mp.loggamma(B) - mp.loggamma(A + B)
    pdf = lambda x, A=A, B=B, lb=lb: mp.exp((A - 1) * mp.log(x) + (B - 1) * mp.log1p(-x) - lb)
    cdf = lambda x, a=a, b=b: beta_both(a, b, x)[0]
    sf = lambda x, a=a, b=b: beta_both(a, b, x)[1]
    for x in [1e-200, 1e-50, 1e-10, 1e-3, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999, 1 - 1e-10,
              a / (a + b), a / (a + b) * 1.01]:
      lo, hi = beta_both(a, b, x)
      for name, v in (("cdf", lo), ("sf", hi), ("pdf", pdf(mpf(x)))):
        if ok(v) and v != 0:
          rows.append(["beta", [a, b], name, repr(x), s(v)])
    add_quantiles(rows, "beta", [a, b], cdf, sf, pdf, st.beta(a, b))
  return rows


def gamma_family_rows():
  rows = []
  for k, theta in [(0.01, 1.0), (0.5, 2.0), (1.0, 1.0), (3.0, 0.5), (47.5, 1.0), (1000.0, 3.0)]:
    K, T = mpf(k), mpf(theta)
    lg = mp.loggamma(K)
    pdf = lambda x, K=K, T=T, lg=lg: mp.exp((K - 1) * mp.log(x / T) - x / T - lg) / T
    cdf = lambda x, K=K, T=T: gamma_both(K, x / T)[0]
    sf = lambda x, K=K, T=T: gamma_both(K, x / T)[1]
    for x in logspace(1e-10, 1e4, 25) + [k * theta * f for f in (0.5, 0.9, 1.0, 1.1, 2.0)]:
      X = mpf(x)
      for name, f in (("cdf", cdf), ("sf", sf), ("pdf", pdf)):
        v = f(X)
        if ok(v) and v != 0:
          rows.append(["gamma", [k, theta], name, repr(x), s(v)])
    add_quantiles(rows, "gamma", [k, theta], cdf, sf, pdf, st.gamma(k, scale=theta))
  return rows


def f_rows():
  rows = []
  for d1, d2 in [(1.0, 1.0), (2.0, 10.0), (5.0, 2.0), (10.0, 30.0), (100.0, 200.0),
                 (3.5, 1e4)]:
    D1, D2 = mpf(d1), mpf(d2)
    lb = mp.loggamma(D1 / 2) + mp.loggamma(D2 / 2) - mp.loggamma((D1 + D2) / 2)
    pdf = lambda x, D1=D1, D2=D2, lb=lb: mp.exp(
        (D1 / 2) * mp.log(D1 / D2) + (D1 / 2 - 1) * mp.log(x)
        - (D1 + D2) / 2 * mp.log1p(D1 * x / D2) - lb)
    z = lambda x, D1=D1, D2=D2: D1 * x / (D1 * x + D2)
    cdf = lambda x, d1=d1, d2=d2, z=z: beta_both(d1 / 2, d2 / 2, z(x))[0]
    sf = lambda x, d1=d1, d2=d2, z=z: beta_both(d1 / 2, d2 / 2, z(x))[1]
    for x in logspace(1e-8, 1e8, 25) + [1.0]:
      X = mpf(x)
      lo, hi = beta_both(d1 / 2, d2 / 2, z(X))
      for name, v in (("cdf", lo), ("sf", hi), ("pdf", pdf(X))):
        if ok(v) and v != 0:
          rows.append(["f", [d1, d2], name, repr(x), s(v)])
    add_quantiles(rows, "f", [d1, d2], cdf, sf, pdf, st.f(d1, d2))
  return rows


def ratio_sum(first, ratio, start, step, stop):
  """Sum of t(k) for k = start, start+step, ..., stop, with t(start) = first and
  t(k + step) = t(k) * ratio(k); stops once terms fall below 1e-60 of the sum."""
  total = mpf(0)
  term = mpf(first)
  k = start
  while (step > 0 and k <= stop) or (step < 0 and k >= stop):
    total += term
    if total > 0 and term < total * mpf("1e-60"):
      break
    term *= ratio(k)
    k += step
  return total


def discrete_tails(k, f, pmf, up, down, below_mode, lo, hi):
  """(cdf, sf) at k from pmf(k) = f: sums only the tail away from the mode (ratio_sum over the
  term ratios down/up, support lo..hi); the other tail is its 50-digit complement."""
  if below_mode:
    c = ratio_sum(f, down, k, -1, lo)
    return c, 1 - c
  sfv = ratio_sum(pmf(k + 1), up, k + 1, 1, hi) if k < hi else mpf(0)
  return 1 - sfv, sfv


def add_pmf_cdf_sf(rows, dist, params, k, f, c, sfv):
  """Appends the representable, non-zero pmf, cdf and sf values at k."""
  for name, v in (("pmf", f), ("cdf", c), ("sf", sfv)):
    if ok(v) and v != 0:
      rows.append([dist, params, name, repr(float(k)), s(v)])


def discrete_rows():
  rows = []
  # Binomial: each tail is summed from its inner end outward (terms shrink away from the mode).
  for n, p in [(10, 0.3), (100, 0.01), (1000, 0.5), (10 ** 6, 0.3), (10 ** 6, 1e-5), (50, 0.99)]:
    P = mpf(p)
    Q = 1 - P
    pmf = lambda k, n=n, P=P, Q=Q: mp.binomial(n, k) * P ** k * Q ** (n - k)
    down = lambda k, n=n, P=P, Q=Q: k * Q / ((n - k + 1) * P)      # t(k-1)/t(k)
    up = lambda k, n=n, P=P, Q=Q: (n - k) * P / ((k + 1) * Q)      # t(k+1)/t(k)
    mean, sd = n * p, math.sqrt(n * p * (1 - p))
    ks = {0, 1, n - 1, n} | {int(mean + z * sd) for z in (-40, -10, -5, -2, -1, 0, 1, 2, 5, 10, 40)}
    for k in sorted(k for k in ks if 0 <= k <= n):
      f = pmf(k)
      c, sfv = discrete_tails(k, f, pmf, up, down, k < n * p, 0, n)
      add_pmf_cdf_sf(rows, "binomial", [float(n), p], k, f, c, sfv)
  # Poisson: cdf(k) = Q(k + 1, rate), sf(k) = P(k + 1, rate).
  for lam in [1e-3, 0.5, 3.0, 20.0, 1000.0, 1e6]:
    L = mpf(lam)
    mean, sd = lam, math.sqrt(lam)
    ks = {0, 1, 2} | {int(mean + z * sd) for z in (-30, -5, -2, -1, 0, 1, 2, 5, 30, 100)}
    for k in sorted(k for k in ks if k >= 0):
      f = mp.exp(k * mp.log(L) - L - mp.loggamma(k + 1))
      sfv, c = gamma_both(k + 1, L)
      add_pmf_cdf_sf(rows, "poisson", [lam], k, f, c, sfv)
  # Hypergeometric(population N, successes K, draws n): exact summation of the pmf.
  for N, K, n in [(20, 7, 12), (100, 30, 50), (1000, 10, 500), (10 ** 6, 5000, 2000),
                  (10 ** 6, 5 * 10 ** 5, 1000), (60, 59, 30)]:
    lo, hi = max(0, n - (N - K)), min(n, K)
    lc = mp.log(mp.binomial(N, n))
    pmf = lambda k, N=N, K=K, n=n, lc=lc: (
        mp.exp(mp.log(mp.binomial(K, k)) + mp.log(mp.binomial(N - K, n - k)) - lc))
    # t(k+1)/t(k) = (K-k)(n-k) / ((k+1)(N-K-n+k+1))
    up = lambda k, N=N, K=K, n=n: mpf(K - k) * (n - k) / ((k + 1) * mpf(N - K - n + k + 1))
    down = lambda k, N=N, K=K, n=n: mpf(k) * (N - K - n + k) / (mpf(K - k + 1) * (n - k + 1))
    mean = n * K / N
    sd = math.sqrt(max(n * K / N * (N - K) / N * (N - n) / max(N - 1, 1), 1e-9))
    ks = {lo, hi, lo + 1, hi - 1} | {int(mean + z * sd) for z in (-20, -5, -2, 0, 1, 2, 5, 20)}
    for k in sorted(k for k in ks if lo <= k <= hi):
      f = pmf(k)
      c, sfv = discrete_tails(k, f, pmf, up, down, k < mean, lo, hi)
      add_pmf_cdf_sf(rows, "hypergeometric", [float(N), float(K), float(n)], k, f, c, sfv)
  return rows


def random_rows():
  """Seeded random points for I_x(a, b), 1 - I_x(a, b), P(a, x), Q(a, x): shapes log-uniform in
  [0.01, 1e4], arguments spread over the whole range (log-uniform near 0 and 1, uniform within
  +-6 standard deviations of the mean) -- to exercise every branch of the algorithms."""
  import random
  rng = random.Random(20261129)
  rows = []
  for _ in range(700):
    a = 10 ** rng.uniform(-2, 4)
    b = 10 ** rng.uniform(-2, 4)
    kind = rng.random()
    if kind < 0.25:
      x = 10 ** rng.uniform(-30, -0.3)
    elif kind < 0.5:
      x = 1 - 10 ** rng.uniform(-15, -0.3)
    else:
      mean = a / (a + b)
      sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
      x = mean + sd * rng.uniform(-6, 6)
    if not (0 < x < 1):
      continue
    lo, hi = beta_both(a, b, x)
    if ok(lo) and lo != 0:
      rows.append(["sf", [a, b], "betaI", repr(x), s(lo)])
    if ok(hi) and hi != 0:
      rows.append(["sf", [a, b], "betaIc", repr(x), s(hi)])
  for _ in range(500):
    a = 10 ** rng.uniform(-2, 4)
    if rng.random() < 0.5:
      x = 10 ** rng.uniform(-10, 4)
    else:
      x = max(1e-300, a + math.sqrt(a) * rng.uniform(-6, 6))
    P, Q = gamma_both(a, x)
    if ok(P) and P != 0:
      rows.append(["sf", [a], "gammaP", repr(x), s(P)])
    if ok(Q) and Q != 0:
      rows.append(["sf", [a], "gammaQ", repr(x), s(Q)])
  return rows


def write(name, rows):
  # Parameters as strings too: Foundation's JSONSerialization on Linux may round a JSON number
  # to a neighbouring double, which at a = 22 and x = 1e-13 alone moves I_x(a, b) by 2e-13.
  rows = [[r[0], [repr(float(v)) for v in r[1]]] + r[2:] for r in rows]
  path = os.path.join(HERE, name)
  with open(path, "w") as f:
    json.dump({"generator": "Tests/Fixtures/distributions/generate.py (mpmath %s, dps 50)"
               % mpmath.__version__, "rows": rows}, f, separators=(",", ":"))
    f.write("\n")
  print("%-22s %6d rows" % (name, len(rows)))


if __name__ == "__main__":
  t0 = time.time()
  check_beta()
  only = set(sys.argv[1:])
  jobs = [("special.json", special_rows), ("chi2.json", chi2_rows), ("normal.json", normal_rows),
          ("t.json", t_rows), ("beta.json", beta_family_rows), ("gamma.json", gamma_family_rows),
          ("f.json", f_rows), ("discrete.json", discrete_rows), ("random.json", random_rows)]
  for name, job in jobs:
    if only and name not in only:
      continue
    t = time.time()
    write(name, job())
    print("   %.1f s" % (time.time() - t))
  print("total %.1f s" % (time.time() - t0))

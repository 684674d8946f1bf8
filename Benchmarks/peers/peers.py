#!/usr/bin/env python3
"""SciPy/numpy side of the peer workloads W1-W6 and W9 (see Benchmarks/peers/README.md).

Usage: peers.py WORKLOAD            (one workload, one computation, one process)
       peers.py --list

Each call loads its data, runs the computation once, timed in-process with time.perf_counter
(after interpreter start, imports and data loading, as in perf-baseline.md), and prints one JSON
object on stdout:
  {"workload", "peer", "variant", "seconds", "peak_rss_mib", "result": {...}, "blas": "..."}
Seeds are fixed (numpy default_rng(12345)), so the numbers are reproducible run to run.
"""
import json
import os
import resource
import sys
import time

import numpy as np


class _LazyStats:
  """scipy.stats imported on first use, so numpy-only workloads do not pay its import."""

  def __getattr__(self, name):
    from scipy import stats as mod
    return getattr(mod, name)


stats = _LazyStats()

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
SEED = 12345

W4_TABLE = [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]]
W6_N = list(range(20, 201, 20))
W3_PAIRS = [(1, 2), (1, 3), (2, 3)]


def w1_samples():
  a = np.array([1.0] * 31 + [0.0] * 19)
  b = np.array([1.0] * 21 + [0.0] * 28)
  return a, b


def diff_means(x, y, axis=-1):
  return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def interval(ci):
  return {"lower": float(ci.low), "upper": float(ci.high)}


# ---- workloads: each returns (variant description, timed callable returning a result dict) ----


def w1(replicates, method):
  a, b = w1_samples()

  def run():
    r = stats.bootstrap((a, b), diff_means, vectorized=True, n_resamples=replicates,
                        method=method, rng=np.random.default_rng(SEED))
    return interval(r.confidence_interval)

  return f"scipy.stats.bootstrap((a, b), vectorized, method={method!r}), B={replicates:g}", run


def w2(statistic, method):
  x = np.loadtxt(os.path.join(DATA, "w2.txt"))
  fn = {"mean": np.mean, "median": np.median}[statistic]

  def run():
    r = stats.bootstrap((x,), fn, vectorized=True, n_resamples=10_000, method=method,
                        rng=np.random.default_rng(SEED))
    return interval(r.confidence_interval)

  return f"scipy.stats.bootstrap(np.{statistic}, method={method!r}), B=1e4", run


def w3_data():
  raw = np.loadtxt(os.path.join(DATA, "w3.csv"), delimiter=",", skiprows=1)
  seg = raw[:, 0].astype(int)
  x = raw[:, 1:]
  return seg, x


def w3_summary(lo, hi):
  # lo, hi: arrays (3 pairs, 40 questions)
  return {"sum_lower": float(lo.sum()), "sum_upper": float(hi.sum()),
          "q01_1v2": [float(lo[0, 0]), float(hi[0, 0])],
          "q40_2v3": [float(lo[2, 39]), float(hi[2, 39])]}


def w3_scipy_loop():
  seg, x = w3_data()

  def run():
    rng = np.random.default_rng(SEED)
    lo = np.empty((3, 40))
    hi = np.empty((3, 40))
    for p, (sa, sb) in enumerate(W3_PAIRS):
      xa, xb = x[seg == sa], x[seg == sb]
      for q in range(40):
        r = stats.bootstrap((xa[:, q], xb[:, q]), diff_means, vectorized=True,
                            n_resamples=10_000, method="percentile", rng=rng)
        lo[p, q], hi[p, q] = r.confidence_interval.low, r.confidence_interval.high
    return w3_summary(lo, hi)

  return "scipy.stats.bootstrap percentile, 120 calls (question x segment pair), B=1e4", run


def w3_numpy():
  seg, x = w3_data()

  def run():
    rng = np.random.default_rng(SEED)
    b = 10_000
    props = {}
    for s in (1, 2, 3):
      xs = x[seg == s]
      n = xs.shape[0]
      idx = rng.integers(0, n, size=(b, n))
      counts = np.bincount((idx + n * np.arange(b)[:, None]).ravel(),
                           minlength=b * n).reshape(b, n).astype(np.float64)
      props[s] = (counts @ xs) / n  # (B x n_s) @ (n_s x 40): dgemm
    lo = np.empty((3, 40))
    hi = np.empty((3, 40))
    for p, (sa, sb) in enumerate(W3_PAIRS):
      d = props[sa] - props[sb]
      lo[p], hi[p] = np.percentile(d, [2.5, 97.5], axis=0)
    return w3_summary(lo, hi)

  return "numpy by hand: bincount counts (B x n_s) @ X_s (dgemm), np.percentile, B=1e4", run


def w4_montecarlo():
  table = np.array(W4_TABLE)

  def run():
    method = stats.MonteCarloMethod(n_resamples=100_000, rng=np.random.default_rng(SEED))
    r = stats.chi2_contingency(table, correction=False, method=method)
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}

  return "scipy.stats.chi2_contingency(correction=False, MonteCarloMethod(1e5))", run


def w4_asymptotic():
  table = np.array(W4_TABLE)

  def run():
    r = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}

  return "scipy.stats.chi2_contingency(correction=False), asymptotic", run


def w5():
  z = np.loadtxt(os.path.join(DATA, "w5.txt"))
  x, y = z[:, 0], z[:, 1]

  def run():
    r = stats.permutation_test((x, y), diff_means, vectorized=True, n_resamples=100_000,
                               rng=np.random.default_rng(SEED))
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}

  return "scipy.stats.permutation_test(vectorized, n_resamples=1e5)", run


def w6():
  def run():
    rng = np.random.default_rng(SEED)
    n = np.array(W6_N, dtype=np.int64)[:, None]
    studies = 10_000
    x1 = rng.binomial(n, 0.61, size=(len(W6_N), studies))
    x2 = rng.binomial(n, 0.43, size=(len(W6_N), studies))
    p1, p2 = x1 / n, x2 / n
    pooled = (x1 + x2) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
      z = np.where(se > 0, (p1 - p2) / se, 0.0)
    power = (np.abs(z) > 1.959963984540054).mean(axis=1)
    return {"power": [float(v) for v in power]}

  return "numpy rng.binomial on a (10, 1e4) array, pooled z-test", run


def w9():
  d = np.loadtxt(os.path.join(DATA, "w9.csv"), delimiter=",", skiprows=1)
  y = d[:, 0]
  x = np.column_stack([np.ones(len(y)), d[:, 1:]])
  n = len(y)

  def run():
    rng = np.random.default_rng(SEED)
    b = 10_000
    coef = np.empty((b, x.shape[1]))
    for k in range(b):
      i = rng.integers(0, n, n)
      coef[k] = np.linalg.lstsq(x[i], y[i], rcond=None)[0]
    lo, hi = np.percentile(coef, [2.5, 97.5], axis=0)
    return {"estimate": [float(v) for v in np.linalg.lstsq(x, y, rcond=None)[0]],
            "standard_error": [float(v) for v in coef.std(axis=0, ddof=1)],
            "percentile_lower": [float(v) for v in lo], "percentile_upper": [float(v) for v in hi]}

  return "loop of 1e4 np.linalg.lstsq(X[i], y[i]) on rng.integers resamples, n = 1e4, p = 6", run


WORKLOADS = {
  "W1-bca-1e6": lambda: w1(1_000_000, "BCa"),
  "W1-bca-1e4": lambda: w1(10_000, "BCa"),
  "W1-percentile-1e6": lambda: w1(1_000_000, "percentile"),
  "W2-mean-bca": lambda: w2("mean", "BCa"),
  "W2-mean-percentile": lambda: w2("mean", "percentile"),
  "W2-median-percentile": lambda: w2("median", "percentile"),
  "W3-scipy-loop": w3_scipy_loop,
  "W3-numpy": w3_numpy,
  "W4-montecarlo": w4_montecarlo,
  "W4-asymptotic": w4_asymptotic,
  "W5": w5,
  "W6": w6,
  "W9": w9,
}


def blas_kernel():
  """numpy's OpenBLAS core name (its own bundled OpenBLAS), via numpy's build config."""
  try:
    from threadpoolctl import threadpool_info
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if infos:
      return "; ".join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')}"
                       f" ({i.get('num_threads')} threads, {os.path.basename(i.get('filepath', ''))})"
                       for i in infos)
  except ImportError:
    pass
  return "numpy OpenBLAS (threadpoolctl not installed)"


def main(argv):
  if len(argv) != 2 or argv[1] in ("-h", "--help"):
    print(__doc__, file=sys.stderr)
    return 64
  if argv[1] == "--list":
    print("\n".join(WORKLOADS))
    return 0
  name = argv[1]
  if name not in WORKLOADS:
    print(f"peers.py: unknown workload {name!r}; known: {', '.join(WORKLOADS)}", file=sys.stderr)
    return 64
  variant, run = WORKLOADS[name]()
  peer = "numpy" if name in ("W3-numpy", "W6", "W9") else "scipy"
  if peer == "scipy":
    import scipy.stats  # noqa: F401  (the import is start-up cost, not computation: load it first)
  t0 = time.perf_counter()
  result = run()
  seconds = time.perf_counter() - t0
  peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
  print(json.dumps({"workload": name, "peer": peer, "variant": variant, "seconds": seconds,
                    "peak_rss_mib": peak, "result": result, "blas": blas_kernel()}))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv))

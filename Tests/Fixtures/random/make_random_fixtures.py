#!/usr/bin/env python3
"""Reference data for the RandomStreams tests.

Writes `random_fixtures.json` beside this script:

* `philox_kat`: Random123's published known-answer vectors for Philox4x32-10 (its file
  tests/kat_vectors), checked here against an independent Python implementation written
  from Salmon, Moraes, Dror & Shaw (2011), "Parallel random numbers: as easy as 1, 2, 3".
* `streams`: the first outputs of `Philox4x32(seed:stream:)` as this project lays out key,
  counter and output words (key = seed low/high words; counter = block low/high, stream
  low/high; each block yields x0 | x1 << 32, then x2 | x3 << 32), plus bounded integers
  (Lemire 2019) and uniforms drawn from the same streams.
* `gof`: binned exact probabilities (SciPy pmfs / cdfs, or exact enumeration with
  fractions) for the chi-square goodness-of-fit tests, bins merged so that each expected
  count is at least 10.
* `log_factorial_differences`: log(a!/b!) from mpmath (40 digits).
* `chi2_critical_1e-4`: SciPy's chi2.isf(1e-4, df) for df = 1 ... 200 and every df the
  cells above need (keyed by df as a string).

Run: python3 make_random_fixtures.py   (SciPy 1.17, NumPy 2.4)
"""
import itertools
import json
import math
import os
from fractions import Fraction

import numpy as np
from scipy import stats

M32 = 0xFFFFFFFF
PHILOX_M0, PHILOX_M1 = 0xD2511F53, 0xCD9E8D57
PHILOX_W0, PHILOX_W1 = 0x9E3779B9, 0xBB67AE85


def philox4x32_10(ctr, key):
    """Philox4x32 with 10 rounds: ctr is 4 words, key 2 words (Salmon et al. 2011, fig. 2)."""
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for r in range(10):
        if r > 0:
            k0 = (k0 + PHILOX_W0) & M32
            k1 = (k1 + PHILOX_W1) & M32
        p0 = PHILOX_M0 * c0
        p1 = PHILOX_M1 * c2
        hi0, lo0 = p0 >> 32, p0 & M32
        hi1, lo1 = p1 >> 32, p1 & M32
        c0, c1, c2, c3 = hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0
    return (c0, c1, c2, c3)


KAT = [  # counter words, key words, expected output (Random123 tests/kat_vectors)
    ((0, 0, 0, 0), (0, 0), (0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8)),
    ((M32, M32, M32, M32), (M32, M32), (0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD)),
    ((0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344), (0xA4093822, 0x299F31D0),
     (0xD16CFE09, 0x94FDCCEB, 0x5001E420, 0x24126EA1)),
]
for ctr, key, want in KAT:
    assert philox4x32_10(ctr, key) == want, (ctr, key)


class Stream:
    """This project's Philox4x32(seed:stream:) in pure Python."""

    def __init__(self, seed, stream, block=0):
        self.key = (seed & M32, seed >> 32)
        self.stream = stream
        self.block = block
        self.buffer = []

    def next(self):
        if not self.buffer:
            b, s = self.block, self.stream
            x = philox4x32_10((b & M32, b >> 32, s & M32, s >> 32), self.key)
            self.block = (self.block + 1) % 2**64
            self.buffer = [x[2] | (x[3] << 32), x[0] | (x[1] << 32)]
        return self.buffer.pop()

    def bounded(self, bound):
        """Lemire (2019), 'Fast random integer generation in an interval', 64-bit version."""
        x = self.next()
        m = x * bound
        low = m & (2**64 - 1)
        if low < bound:
            t = (2**64 - bound) % bound
            while low < t:
                x = self.next()
                m = x * bound
                low = m & (2**64 - 1)
        return m >> 64

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53


def hex64(v):
    return f"{v:016x}"


streams = []
for seed, stream in [(0, 0), (42, 0), (42, 1), (42, 7), (0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF),
                     (20251129, 123456789012345)]:
    s = Stream(seed, stream)
    outputs = [hex64(s.next()) for _ in range(12)]
    s = Stream(seed, stream, block=1000)
    after_1000 = [hex64(s.next()) for _ in range(4)]
    s = Stream(seed, stream)
    bounds = [1, 2, 3, 10, 1000, 2**32 + 1, 3 * 2**62, 2**63 + 1, 2**64 - 1]
    bounded = [[str(b), str(s.bounded(b))] for b in bounds for _ in range(3)]
    s = Stream(seed, stream)
    uniforms = [s.uniform() for _ in range(6)]
    streams.append({
        "seed": str(seed), "stream": str(stream), "outputs": outputs,
        "afterAdvance1000": after_1000, "bounded": bounded, "uniforms": uniforms,
    })

MIN_EXPECTED = 10.0


def merge_bins(edges, probs, n):
    """Merges adjacent cells (edges[i] = lower edge of cell i) until each has n*p >= 10.

    The first cell extends to -infinity and the last to +infinity in the tests.
    """
    out_edges, out_probs = [], []
    acc, start = 0.0, None
    for e, p in zip(edges, probs):
        if start is None:
            start = e
        acc += p
        if acc * n >= MIN_EXPECTED:
            out_edges.append(start)
            out_probs.append(acc)
            acc, start = 0.0, None
    if start is not None:
        out_probs[-1] += acc
    total = sum(out_probs)
    assert abs(total - 1) < 1e-9, total
    return out_edges, out_probs


gof = []

# Binomial: inversion (n·min(p, q) < 30) and BTPE, both sides of p = 1/2.
for n_trials, p, draws in [(10, 0.3, 100000), (20, 0.9, 100000), (1000, 0.001, 100000),
                           (50, 0.5, 100000), (59, 0.5, 100000), (60, 0.5, 100000),
                           (100, 0.5, 100000), (1000, 0.3, 100000), (100000, 0.97, 100000),
                           (200, 0.999, 100000), (1000000, 1e-7, 100000),
                           (1000000000, 0.5, 100000), (5000, 0.0125, 100000)]:
    dist = stats.binom(n_trials, p)
    lo, hi = int(dist.ppf(1e-12)), int(dist.isf(1e-12)) + 1
    lo, hi = max(0, lo - 1), min(n_trials, hi + 1)
    probs = [dist.pmf(k) for k in range(lo, hi + 1)]
    probs[0] += dist.cdf(lo - 1) if lo > 0 else 0.0
    probs[-1] += dist.sf(hi)
    edges, pr = merge_bins(list(range(lo, hi + 1)), probs, draws)
    gof.append({"name": f"binomial n={n_trials} p={p}", "kind": "binomial",
                "params": [float(n_trials), p], "draws": draws,
                "edges": [float(e) for e in edges], "probabilities": pr})

# Poisson: inversion (rate < 30) and PTRS.
for rate, draws in [(0.5, 100000), (5.0, 100000), (29.9, 100000), (30.0, 100000),
                    (100.0, 100000), (10000.0, 100000), (1e7, 100000)]:
    dist = stats.poisson(rate)
    lo, hi = int(dist.ppf(1e-12)), int(dist.isf(1e-12)) + 1
    lo = max(0, lo - 1)
    probs = [dist.pmf(k) for k in range(lo, hi + 1)]
    probs[0] += dist.cdf(lo - 1) if lo > 0 else 0.0
    probs[-1] += dist.sf(hi)
    edges, pr = merge_bins(list(range(lo, hi + 1)), probs, draws)
    gof.append({"name": f"poisson rate={rate}", "kind": "poisson", "params": [rate],
                "draws": draws, "edges": [float(e) for e in edges], "probabilities": pr})

# Hypergeometric (population, successes, draws): table inversion and ratio-of-uniforms.
for pop, succ, nd, draws in [(20, 7, 12, 100000), (1000, 600, 10, 100000),
                             (50, 25, 25, 100000), (1000000, 500, 600000, 100000),
                             (5000, 2500, 2000, 100000), (1000000, 3000, 500000, 100000),
                             (6000, 4500, 4000, 100000), (10000000, 5000000, 1000000, 100000),
                             (100000, 30000, 5000, 100000), (10, 10, 4, 1000),
                             (3000, 1000, 2990, 100000)]:
    dist = stats.hypergeom(pop, succ, nd)  # scipy: M = population, n = successes, N = draws
    lo, hi = max(0, nd - (pop - succ)), min(nd, succ)
    a, b = max(lo, int(dist.ppf(1e-12)) - 1), min(hi, int(dist.isf(1e-12)) + 1)
    probs = [dist.pmf(k) for k in range(a, b + 1)]
    probs[0] += dist.cdf(a - 1) if a > lo else 0.0
    probs[-1] += dist.sf(b)
    edges, pr = merge_bins(list(range(a, b + 1)), probs, draws)
    gof.append({"name": f"hypergeometric N={pop} K={succ} n={nd}", "kind": "hypergeometric",
                "params": [float(pop), float(succ), float(nd)], "draws": draws,
                "edges": [float(e) for e in edges], "probabilities": pr})

# Normal: 200 equiprobable cells plus finer cells in both tails (ziggurat r = 3.6541528...).
z = list(stats.norm.ppf(np.arange(1, 200) / 200))
tail = [2.8, 3.0, 3.2, 3.4, 3.6, 3.654152885361009, 3.7, 3.8, 4.0, 4.2, 4.5, 5.0]
cuts = sorted(set(z + tail + [-t for t in tail]))
cdf = [0.0] + [stats.norm.cdf(c) for c in cuts] + [1.0]
probs = [cdf[i + 1] - cdf[i] for i in range(len(cdf) - 1)]
for i in range(len(cuts) + 1):  # recompute the upper half in the upper tail for accuracy
    lo_c = cuts[i - 1] if i > 0 else -math.inf
    hi_c = cuts[i] if i < len(cuts) else math.inf
    if lo_c > 0:
        probs[i] = stats.norm.sf(lo_c) - (stats.norm.sf(hi_c) if hi_c < math.inf else 0.0)
edges = [-1e300] + cuts
edges_m, probs_m = merge_bins(edges, probs, 2000000)
gof.append({"name": "normal", "kind": "normal", "params": [], "draws": 2000000,
            "edges": edges_m, "probabilities": probs_m})

# Bounded integers: cells by floor(x · m / bound), exact probabilities by counting.
for bound, m, draws in [(1, 1, 1000), (2, 2, 100000), (3, 3, 100000), (7, 7, 100000),
                        (10, 10, 100000), (1000, 50, 100000), (2**32 + 1, 64, 100000),
                        (3 * 2**62, 3, 100000), (3 * 2**62, 96, 100000), (2**63 + 1, 64, 100000),
                        (2**63 - 1, 64, 100000), (2**64 - 1, 64, 100000),
                        (6 * 10**18 + 7, 60, 100000)]:
    counts = []
    for j in range(m):
        start = -(-(j * bound) // m)
        stop = -(-((j + 1) * bound) // m)
        counts.append(Fraction(stop - start, bound))
    assert sum(counts) == 1
    gof.append({"name": f"bounded {bound} into {m}", "kind": "bounded",
                "params": [str(bound), str(m)], "draws": draws,
                "edges": [float(j) for j in range(m)], "probabilities": [float(c) for c in counts]})


def multinomial_joint(n, p):
    cells = []
    for comp in itertools.product(range(n + 1), repeat=len(p)):
        if sum(comp) != n:
            continue
        prob = Fraction(math.factorial(n))
        for c, pi in zip(comp, p):
            prob *= Fraction(pi) ** c / math.factorial(c)
        cells.append((list(comp), float(prob)))
    return cells


multinomial = []
for n, p, draws in [(20, [0.1, 0.2, 0.3, 0.4], 100000), (1000, [0.5, 0.25, 0.125, 0.125], 100000),
                    (4, [0.2, 0.3, 0.5], 100000), (100000, [0.9, 0.0, 0.05, 0.05], 100000)]:
    marginals = []
    for pi in p:
        if pi == 0:
            marginals.append(None)
            continue
        dist = stats.binom(n, pi)
        lo, hi = max(0, int(dist.ppf(1e-12)) - 1), min(n, int(dist.isf(1e-12)) + 1)
        probs = [dist.pmf(k) for k in range(lo, hi + 1)]
        probs[0] += dist.cdf(lo - 1) if lo > 0 else 0.0
        probs[-1] += dist.sf(hi)
        edges, pr = merge_bins(list(range(lo, hi + 1)), probs, draws)
        marginals.append({"edges": [float(e) for e in edges], "probabilities": pr})
    entry = {"trials": n, "probabilities": p, "draws": draws, "marginals": marginals}
    if n <= 10:
        entry["joint"] = [{"counts": c, "probability": q} for c, q in multinomial_joint(n, p)]
    multinomial.append(entry)


def tables_with_margins(rows, cols):
    """All r×c tables of non-negative integers with the given margins, row-major."""
    r, c = len(rows), len(cols)
    out = []

    def fill(i, col_left, acc):
        if i == r - 1:
            out.append(acc + list(col_left))
            return
        def row_fill(j, left, row, col_left_now):
            if j == c - 1:
                if left <= col_left_now[j]:
                    new_cols = list(col_left_now)
                    new_cols[j] -= left
                    fill(i + 1, new_cols, acc + row + [left])
                return
            for x in range(0, min(left, col_left_now[j]) + 1):
                new_cols = list(col_left_now)
                new_cols[j] -= x
                row_fill(j + 1, left - x, row + [x], new_cols)
        row_fill(0, rows[i], [], col_left)

    fill(0, list(cols), [])
    return out


def table_probability(table, rows, cols):
    """Multivariate hypergeometric (Fisher–Yates) probability of a table given its margins."""
    n = sum(rows)
    num = 1
    for v in rows + cols:
        num *= math.factorial(v)
    den = math.factorial(n)
    for v in table:
        den *= math.factorial(v)
    return Fraction(num, den)


tables = []
for rows, cols, draws in [([4, 5], [3, 3, 3], 200000), ([3, 3, 4], [2, 4, 4], 200000),
                          ([5, 7], [4, 8], 100000), ([2, 0, 3], [0, 4, 1], 10000),
                          ([7, 2], [4, 4, 1], 100000)]:
    all_tables = tables_with_margins(rows, cols)
    probs = [table_probability(t, rows, cols) for t in all_tables]
    assert sum(probs) == 1
    tables.append({"rows": rows, "columns": cols, "draws": draws,
                   "tables": all_tables, "probabilities": [float(q) for q in probs]})

# Cell marginals of the W4 table: cell (i, j) is hypergeometric(N, row i, column j).
w4_rows, w4_cols = [40, 34, 82], [39, 44, 29, 44]
w4_n = sum(w4_rows)
w4_cells = []
for i, ri in enumerate(w4_rows):
    for j, cj in enumerate(w4_cols):
        dist = stats.hypergeom(w4_n, ri, cj)
        lo, hi = max(0, cj - (w4_n - ri)), min(cj, ri)
        probs = [dist.pmf(k) for k in range(lo, hi + 1)]
        edges, pr = merge_bins(list(range(lo, hi + 1)), probs, 100000)
        w4_cells.append({"row": i, "column": j, "edges": [float(e) for e in edges],
                         "probabilities": pr})

for g in gof:  # parameters as strings: 64-bit bounds do not fit a JSON double
    g["params"] = [str(v) for v in g["params"]]

needed = set(range(1, 201))
needed |= {len(g["edges"]) - 1 for g in gof}
needed |= {len(m["edges"]) - 1 for e in multinomial for m in e["marginals"] if m}
needed |= {len(e["joint"]) - 1 for e in multinomial if "joint" in e}
needed |= {len(t["tables"]) - 1 for t in tables}
needed |= {len(c["edges"]) - 1 for c in w4_cells}
# log(a!/b!) with mpmath at 40 digits, for the samplers' cancellation-free difference.
import mpmath
mpmath.mp.dps = 40
log_factorial_differences = []
for a, b in [(5, 3), (255, 254), (300, 255), (1000, 990), (1023, 1024), (100000, 99950),
             (10**9 // 2, 10**9 // 2 - 40), (10**9, 10**9 + 1000),
             (2**53 // 1000, 2**53 // 1000 - 7),
             (30, 10**6), (0, 5000), (12345678, 0), (1, 2), (256, 256)]:
    v = mpmath.loggamma(a + 1) - mpmath.loggamma(b + 1)
    log_factorial_differences.append({"a": a, "b": b, "value": float(v)})

chi2_critical = {str(df): float(stats.chi2.isf(1e-4, df)) for df in sorted(needed) if df > 0}

out = {
    "generator": f"make_random_fixtures.py (Python 3, SciPy {__import__('scipy').__version__})",
    "philox_kat": [{"counter": [f"{w:08x}" for w in c], "key": [f"{w:08x}" for w in k],
                    "output": [f"{w:08x}" for w in o]} for c, k, o in KAT],
    "streams": streams,
    "gof": gof,
    "multinomial": multinomial,
    "tables": tables,
    "w4": {"rows": w4_rows, "columns": w4_cols, "draws": 100000, "cells": w4_cells},
    "chi2_critical_1e-4": chi2_critical,
    "log_factorial_differences": log_factorial_differences,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "random_fixtures.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote", path)

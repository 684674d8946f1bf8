"""Brute-force exact Fisher–Freeman–Halton p-values for fisher_rxc_enumerated.json.

Independent of any network algorithm: every table with the observed margins is listed (the
first c − 2 columns by recursion, the penultimate column's last two free cells as a NumPy grid,
the last column forced) and the probabilities of those with probability ≤ (1 + 1e-7) × the
observed one are summed (math.fsum of per-grid sums). Used for issue 13's 3×3 table, where R's
FEXACT (which merges past paths within 3.45e-7 in log) is 2.7e-7 off, and as a cross-check of
the smaller R cases.  Run from this folder: python3 fisher_rxc_enumerate.py  (NumPy, SciPy;
about a minute).
"""
import json
import math

import numpy as np
from scipy.special import gammaln

TABLES = [
    "207,0,198;82,49,154;215,151,335",
    "46,12,6;30,400,27;88,83,8",
    "23,22,14;57,58,36;34,26,30",
    "2,2,8,1;3,3,7,1;5,2,5,2;3,6,2,8",
]


def pvalue(x):
    x = np.array(x, dtype=np.int64)
    if x.shape[0] > x.shape[1]:
        x = x.T
    # Columns by increasing total: the fewest vectors are enumerated in Python.
    x = x[:, np.argsort(x.sum(0), kind="stable")]
    rows, cols = x.sum(1), x.sum(0)
    r, c = x.shape
    lf = gammaln(np.arange(rows.sum() + 2) + 1.0)
    const = lf[rows].sum() + lf[cols].sum() - lf[rows.sum()]
    threshold = const - lf[x].sum() + math.log1p(1e-7)
    parts = []

    def tail_sum(v):
        v = v[v <= threshold]
        if v.size:
            parts.append(float(np.exp(v).sum()))

    def last_two(rem, base):
        # Columns c-2 and c-1 given remaining row totals rem (column c-1 forced): cells of
        # column c-2 for rows 0..r-4 by recursion, rows r-3 and r-2 as a grid, row r-1 forced.
        a = cols[c - 2]
        if r == 2:
            t = np.arange(max(0, a - rem[1]), min(a, rem[0]) + 1)
            u = a - t
            tail_sum(base - lf[t] - lf[rem[0] - t] - lf[u] - lf[rem[1] - u])
            return

        def rec(i, left, b):
            if i == r - 3:
                y = np.arange(0, min(left, rem[i]) + 1)[:, None]
                t = np.arange(0, min(left, rem[i + 1]) + 1)[None, :]
                u = left - y - t
                ok = (u >= 0) & (u <= rem[i + 2])
                y, t, u = np.broadcast_arrays(y, t, u)
                y, t, u = y[ok], t[ok], u[ok]
                tail_sum(b - lf[y] - lf[rem[i] - y] - lf[t] - lf[rem[i + 1] - t]
                         - lf[u] - lf[rem[i + 2] - u])
                return
            for y in range(max(0, left - rem[i + 1:].sum()), min(left, rem[i]) + 1):
                rec(i + 1, left - y, b - lf[y] - lf[rem[i] - y])

        rec(0, a, base)

    def columns(j, rem, base):
        if j == c - 2:
            last_two(rem, base)
            return
        vec = [0] * r

        def rec(i, left, b):
            if i == r - 1:
                if left <= rem[i]:
                    vec[i] = left
                    columns(j + 1, rem - np.array(vec), b - lf[left])
                return
            for y in range(max(0, left - rem[i + 1:].sum()), min(left, rem[i]) + 1):
                vec[i] = y
                rec(i + 1, left - y, b - lf[y])

        rec(0, cols[j], base)

    columns(0, rows.copy(), const)
    return math.fsum(parts)


def parse(s):
    return [[int(v) for v in row.split(",")] for row in s.split(";")]


cases = []
for s in TABLES:
    p = pvalue(parse(s))
    print(s, repr(p))
    cases.append('{"table":%s,"fisher_p":%s}' % (json.dumps(parse(s)), repr(p)))
with open("fisher_rxc_enumerated.json", "w") as f:
    f.write('{"generator":"fisher_rxc_enumerate.py (complete enumeration, NumPy %s)",\n'
            '"cases":[\n%s\n]}\n' % (np.__version__, ",\n".join(cases)))

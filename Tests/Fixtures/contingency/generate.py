# Generates contingency_py.json from tables.txt with SciPy and mpmath:
# - G statistic and p (scipy.stats.chi2_contingency(lambda_="log-likelihood", correction=False)),
# - Cramer's V (scipy.stats.contingency.association, uncorrected Pearson),
# - for 2x2 tables: Fisher p (scipy.stats.fisher_exact) and the conditional maximum-likelihood
#   odds ratio with its exact 95% and 90% intervals, solved with mpmath at 50 digits,
# - for tables with few enough tables of the same margins: the exact conditional p-values of the
#   Pearson statistic, P(X2 >= X2_obs), and of Fisher's statistic, by full enumeration (mpmath).
# Run from this folder: python3 generate.py   (scipy 1.17, mpmath 1.3)
import json
import math
import mpmath as mp
import numpy as np
import scipy
from scipy import stats
from scipy.stats import contingency

mp.mp.dps = 50


def parse(line):
    return [[int(v) for v in row.split(",")] for row in line.strip().split(";")]


def odds_ratio_exact(t, level):
    a, b = t[0]
    c, d = t[1]
    m, n, k, x = a + c, b + d, a + b, a
    lo, hi = max(0, k - n), min(k, m)
    sup = list(range(lo, hi + 1))
    logw = [mp.log(mp.binomial(m, s)) + mp.log(mp.binomial(n, k - s)) for s in sup]

    def dist(lt):
        terms = [lw + s * lt for lw, s in zip(logw, sup)]
        mx = max(terms)
        e = [mp.e ** (v - mx) for v in terms]
        tot = mp.fsum(e)
        return [v / tot for v in e]

    def mean(lt):
        return mp.fsum(s * p for s, p in zip(sup, dist(lt)))

    def upper_tail(lt):
        return mp.fsum(p for s, p in zip(sup, dist(lt)) if s >= x)

    def lower_tail(lt):
        return mp.fsum(p for s, p in zip(sup, dist(lt)) if s <= x)

    def solve(f, target):
        # f increasing in log-theta; bracket then bisect to 50 digits (robust, no derivative).
        lo_, hi_ = mp.mpf(-1), mp.mpf(1)
        while f(lo_) > target:
            lo_ *= 2
        while f(hi_) < target:
            hi_ *= 2
        for _ in range(400):
            mid = (lo_ + hi_) / 2
            if f(mid) < target:
                lo_ = mid
            else:
                hi_ = mid
            if hi_ - lo_ < mp.mpf(10) ** -45:
                break
        return mp.e ** ((lo_ + hi_) / 2)

    alpha = (1 - mp.mpf(level)) / 2
    est = 0 if x == lo else (math.inf if x == hi else float(solve(mean, x)))
    # lower limit: P_theta(X >= x) = alpha (increasing in theta)
    low = 0.0 if x == lo else float(solve(upper_tail, alpha))
    # upper limit: P_theta(X <= x) = alpha (decreasing in theta)
    upp = math.inf if x == hi else float(solve(lambda lt: -lower_tail(lt), -alpha))
    return est, [low, upp]


def tables_with_margins(rows, cols):
    """All r x c tables with the given margins (generator of lists of rows)."""
    r = len(rows)

    def fill_col(j, remaining, acc):
        if j == len(cols) - 1:
            yield acc + [list(remaining)]
            return
        def comp(i, left, cur):
            if i == r - 1:
                if left <= remaining[i]:
                    yield cur + [left]
                return
            rest_cap = sum(remaining[i + 1:])
            for v in range(max(0, left - rest_cap), min(left, remaining[i]) + 1):
                yield from comp(i + 1, left - v, cur + [v])
        for colv in comp(0, cols[j], []):
            yield from fill_col(j + 1, [a - b for a, b in zip(remaining, colv)], acc + [colv])
    for colsets in fill_col(0, list(rows), []):
        yield [[colsets[j][i] for j in range(len(cols))] for i in range(r)]


def exact_conditional(t, limit=300000):
    rows = [sum(r) for r in t]
    cols = [sum(c) for c in zip(*t)]
    N = sum(rows)
    E = [[rows[i] * cols[j] / N for j in range(len(cols))] for i in range(len(rows))]

    def x2(tt):
        return sum((tt[i][j] - E[i][j]) ** 2 / E[i][j]
                   for i in range(len(rows)) for j in range(len(cols)))

    lf = [mp.log(mp.factorial(v)) for v in range(N + 1)]
    const = sum(lf[v] for v in rows) + sum(lf[v] for v in cols) - lf[N]

    def logp(tt):
        return const - sum(lf[v] for row in tt for v in row)
    obs2 = x2(t)
    obsp = logp(t)
    p_chi = mp.mpf(0)
    p_fisher = mp.mpf(0)
    count = 0
    for tt in tables_with_margins(rows, cols):
        count += 1
        if count > limit:
            return None
        lp = logp(tt)
        pr = mp.e ** lp
        if x2(tt) >= obs2 * (1 - 64 * 2.0 ** -52):
            p_chi += pr
        if lp <= obsp + mp.log(1 + mp.mpf(10) ** -7):
            p_fisher += pr
    return {"chisq_p": float(p_chi), "fisher_p": float(p_fisher), "tables": count}


cases = []
for line in open("tables.txt"):
    t = parse(line)
    arr = np.array(t)
    g = stats.chi2_contingency(arr, correction=False, lambda_="log-likelihood")
    case = {
        "table": t,
        "g_statistic": float(g.statistic),
        "g_p_value": float(g.pvalue),
        "cramers_v": float(contingency.association(arr, method="cramer", correction=False)),
    }
    if arr.shape == (2, 2):
        case["scipy_fisher_p"] = float(stats.fisher_exact(arr).pvalue)
        est, ci95 = odds_ratio_exact(t, "0.95")
        _, ci90 = odds_ratio_exact(t, "0.90")
        case["odds_ratio_mle"] = est
        case["odds_ratio_ci95"] = ci95
        case["odds_ratio_ci90"] = ci90
    if sum(map(sum, t)) <= 60:
        ex = exact_conditional(t)
        if ex is not None:
            case["exact"] = ex
    cases.append(case)


def enc(v):
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, list):
        return [enc(u) for u in v]
    if isinstance(v, dict):
        return {k: enc(u) for k, u in v.items()}
    return v


with open("contingency_py.json", "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}, mpmath {mp.__version__}",
               "cases": enc(cases)}, f, indent=0)
    f.write("\n")

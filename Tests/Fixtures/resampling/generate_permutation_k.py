# Generates scipy_permutation_k.json: exact permutation p-values, every arrangement enumerated
# here with SciPy's statistics and SciPy permutation_test's conventions (ties within
# 100 eps |t| count as extreme; two-sided = 2 min(less, greater) capped at 1) -- SciPy 1.17's own
# permutation_test with n_resamples=inf ran out of memory / time on these cases on the 2-core
# machine: k-sample tests (f_oneway F, kruskal H; every assignment to groups of the same sizes,
# large values extreme), correlation (pearsonr of every pairing of y with x, 7! of them; Spearman
# as Pearson of the midranks) and the paired median (median of the differences under all 2^10
# sign flips). Observed statistics from f_oneway, kruskal, pearsonr, spearmanr. resample's Monte
# Carlo p-values (k-sample, correlation) must agree within 4 Monte Carlo SE, its exact paired
# enumeration to 1e-12.
# Run from this folder: python3 generate_permutation_k.py
import itertools
import json

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261203)
cases = []



ksample = [
  [np.round(rng.normal(0, 1, 4), 2), np.round(rng.normal(0.7, 1, 4), 2),
   np.round(rng.normal(1.2, 1, 3), 2)],
  [np.array([1.0, 2, 2, 3]), np.array([2.0, 3, 3, 5]), np.array([4.0, 4, 6])],
]


def exact_greater(groups, stat):
  """Every distinct assignment of the pooled values to groups of the same sizes (combinations,
  group by group): p = #{T >= T_obs - gamma} / N with SciPy's tolerance gamma = 100 eps |T_obs|."""
  pooled = np.concatenate(groups)
  sizes = [len(g) for g in groups]
  t_obs = stat(*groups)
  gamma = 100 * np.finfo(float).eps * abs(t_obs)
  count = total = 0

  def rec(remaining, parts):
    nonlocal count, total
    if len(parts) == len(sizes) - 1:
      t = stat(*[pooled[list(p)] for p in parts], pooled[list(remaining)])
      total += 1
      count += t >= t_obs - gamma
      return
    for pick in itertools.combinations(remaining, sizes[len(parts)]):
      rec([i for i in remaining if i not in pick], parts + [pick])

  rec(list(range(len(pooled))), [])
  return count / total


for groups in ksample:
  f = lambda *g: stats.f_oneway(*g).statistic
  h = lambda *g: stats.kruskal(*g).statistic
  cases.append({"kind": "anova-f", "groups": [g.tolist() for g in groups],
                "observed": float(f(*groups)), "p": float(exact_greater(groups, f))})
  cases.append({"kind": "kruskal", "groups": [g.tolist() for g in groups],
                "observed": float(h(*groups)), "p": float(exact_greater(groups, h))})

x = np.round(rng.normal(0, 1, 7), 2)
y = np.round(0.6 * x + rng.normal(0, 1, 7), 2)
y2 = np.array([1.0, 3, 2, 2, 5, 4, 8])


PERMS = np.array(list(itertools.permutations(range(7))))


def exact_p(null, t_obs, alt):
  """SciPy's conventions: ties within 100 eps |t| count as extreme; two-sided 2 min(...) <= 1."""
  gamma = 100 * np.finfo(float).eps * abs(t_obs)
  less = np.mean(null <= t_obs + gamma)
  greater = np.mean(null >= t_obs - gamma)
  return {"less": less, "greater": greater, "two-sided": min(1.0, 2 * min(less, greater))}[alt]


for xx, yy in [(x, y), (x, y2)]:
  for kind, a, b in [("correlation", xx, yy),
                     ("spearman", stats.rankdata(xx), stats.rankdata(yy))]:
    # Every pairing of y with x (7! = 5040), r by SciPy's pearsonr along the last axis.
    null = stats.pearsonr(np.broadcast_to(a, PERMS.shape), b[PERMS], axis=-1).statistic
    t_obs = stats.pearsonr(a, b).statistic
    observed = stats.spearmanr(xx, yy).statistic if kind == "spearman" else t_obs
    for alt in ["two-sided", "greater", "less"]:
      cases.append({"kind": kind, "x": xx.tolist(), "y": yy.tolist(), "alternative": alt,
                    "observed": float(observed), "p": float(exact_p(null, t_obs, alt))})

a = np.round(rng.normal(0.4, 1, 10), 2)
b = np.round(rng.normal(0, 1, 10), 2)
d = a - b
signs = np.array(list(itertools.product([1.0, -1.0], repeat=10)))
null = np.median(signs * d, axis=-1)
for alt in ["two-sided", "greater", "less"]:
  cases.append({"kind": "paired-median", "x": a.tolist(), "y": b.tolist(), "alternative": alt,
                "observed": float(np.median(d)), "p": float(exact_p(null, np.median(d), alt))})

with open("scipy_permutation_k.json", "w") as f:
  json.dump({"generator": f"scipy {scipy.__version__}, numpy {np.__version__}", "cases": cases},
            f, indent=1)

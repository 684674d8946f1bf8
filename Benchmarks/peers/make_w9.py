"""Writes data/w9.csv: W9's regression data, n = 10,000 rows, y and five predictors x1-x5.

x1 ~ N(0, 1), x2 ~ U(0, 10), x3 ~ lognormal, x4 ~ Bernoulli(0.3), x5 = 0.5 x1 + N(0, 1)
(correlated with x1); y = 2 + 0.5 x1 - 0.2 x2 + 0.1 x3 + 1.5 x4 - 0.3 x5 + e with
heteroscedastic e ~ N(0, (0.5 + 0.1 x2)^2). Rounded to 4 decimals. numpy default_rng(20261203).

Usage: python make_w9.py [OUT]   (default: data/w9.csv beside this script)
"""
import os
import sys

import numpy as np

n = 10_000
rng = np.random.default_rng(20261203)
x1 = rng.normal(size=n)
x2 = rng.uniform(0, 10, size=n)
x3 = rng.lognormal(size=n)
x4 = (rng.uniform(size=n) < 0.3).astype(float)
x5 = 0.5 * x1 + rng.normal(size=n)
e = rng.normal(size=n) * (0.5 + 0.1 * x2)
y = 2 + 0.5 * x1 - 0.2 * x2 + 0.1 * x3 + 1.5 * x4 - 0.3 * x5 + e
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data", "w9.csv")
with open(out, "w") as f:
  f.write("y,x1,x2,x3,x4,x5\n")
  for row in zip(y, x1, x2, x3, x4, x5):
    f.write(",".join(f"{v:.4f}" for v in row) + "\n")

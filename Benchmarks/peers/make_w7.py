#!/usr/bin/env python3
"""Writes the W7 survey data set (Benchmarks/peers/README.md): a synthetic stratified cluster
sample with sampling weights and Rao–Wu bootstrap replicate weights.

Usage: make_w7.py [OUTPUT]      (default: Benchmarks/.build/peers-data/w7.csv)

Deterministic (numpy default_rng(20261207)); the same numpy version writes the same bytes, and
scripts/bench-peers.sh regenerates the file whenever this script changes. The file is ~150 MB,
so it is generated, not committed.

Design (100,000 respondents):
- 50 strata × 8 primary sampling units (PSUs) = 400 PSUs, ids 1–400 unique across strata (no
  nesting needed). PSU sizes vary (Dirichlet shares of the 100,000, about 250 ± 55).
- Sampling weight `w`: a stratum base weight (20–400) times a respondent adjustment
  (lognormal, sd 0.3), two decimals.
- `segment` A–F: shares 30/20/15/15/10/10 %, varying between PSUs (Dirichlet with parameters
  18 × the shares), so segments are themselves clustered.
- q01–q40, 0/1: logit P(yes) = a_q + b_{q,segment} + v_{q,stratum} + u_{q,PSU}, with
  a_q ~ N(0, 0.8²), stratum effects v ~ N(0, 0.3²), PSU effects u ~ N(0, 0.3²) (intra-cluster
  correlation ≈ 0.03 on the latent scale; with ~250 respondents per PSU the design effects of
  the proportions are about 5–10); segment effects b ~ N(0, 0.25²) for q01–q25, none for
  q26–q40 (the null questions).
- bw1–bw200: Rao–Wu (1988) bootstrap replicate weights with m_h = n_h − 1 = 7 PSUs drawn with
  replacement in each stratum: bw = w · 8/7 · (times the respondent's PSU was drawn), as R
  survey's `as.svrepdesign(type = "bootstrap")`; written with 10 significant digits.
- Rows in random order (nothing is sorted by stratum, PSU or segment).
"""
import os
import sys

import numpy as np

SEED = 20261207
N = 100_000
STRATA = 50
PSUS_PER_STRATUM = 8
QUESTIONS = 40
QUESTIONS_WITH_EFFECTS = 25
REPLICATES = 200
SEGMENTS = ["A", "B", "C", "D", "E", "F"]
SEGMENT_SHARES = np.array([0.30, 0.20, 0.15, 0.15, 0.10, 0.10])


def generate(rng):
  psus = STRATA * PSUS_PER_STRATUM
  stratum_of_psu = np.repeat(np.arange(STRATA), PSUS_PER_STRATUM)
  sizes = rng.multinomial(N, rng.dirichlet(np.full(psus, 20.0)))
  psu = np.repeat(np.arange(psus), sizes)
  stratum = stratum_of_psu[psu]

  base = rng.uniform(20, 400, size=STRATA)
  w = np.round(base[stratum] * np.exp(rng.normal(0, 0.3, size=N)), 2)
  w = np.maximum(w, 0.01)

  shares = np.array([rng.dirichlet(3 * len(SEGMENTS) * SEGMENT_SHARES) for _ in range(psus)])
  u01 = rng.random(N)
  cum = np.cumsum(shares[psu], axis=1)
  segment = np.minimum((u01[:, None] > cum).sum(axis=1), len(SEGMENTS) - 1)

  a = rng.normal(0, 0.8, size=QUESTIONS)
  b = rng.normal(0, 0.25, size=(QUESTIONS, len(SEGMENTS)))
  b[QUESTIONS_WITH_EFFECTS:] = 0
  v = rng.normal(0, 0.3, size=(QUESTIONS, STRATA))
  u = rng.normal(0, 0.3, size=(QUESTIONS, psus))
  eta = a[:, None] + b[:, segment] + v[:, stratum] + u[:, psu]  # QUESTIONS × N
  answers = (rng.random((QUESTIONS, N)) < 1 / (1 + np.exp(-eta))).astype(np.int8)

  # Rao–Wu: in each stratum draw n_h − 1 of its n_h PSUs with replacement.
  counts = np.zeros((REPLICATES, psus), dtype=np.int64)
  for r in range(REPLICATES):
    for h in range(STRATA):
      drawn = rng.integers(0, PSUS_PER_STRATUM, size=PSUS_PER_STRATUM - 1)
      lo = h * PSUS_PER_STRATUM
      counts[r, lo:lo + PSUS_PER_STRATUM] = np.bincount(drawn, minlength=PSUS_PER_STRATUM)

  order = rng.permutation(N)
  return {
    "stratum": stratum[order], "psu": psu[order], "w": w[order], "segment": segment[order],
    "answers": answers[:, order], "counts": counts,
  }


def write(path, d):
  factor = PSUS_PER_STRATUM / (PSUS_PER_STRATUM - 1)
  max_count = PSUS_PER_STRATUM - 1
  header = (["stratum", "psu", "w", "segment"] + [f"q{q + 1:02d}" for q in range(QUESTIONS)]
            + [f"bw{r + 1}" for r in range(REPLICATES)])
  tmp = path + ".tmp"
  with open(tmp, "w", newline="\n") as f:
    f.write(",".join(header) + "\n")
    for i in range(len(d["w"])):
      wi = d["w"][i]
      p = d["psu"][i]
      # A replicate weight is w · 8/7 · count with count in 0…7: format the 8 values once.
      texts = ["0"] + [f"{wi * factor * c:.10g}" for c in range(1, max_count + 1)]
      reps = ",".join(texts[c] for c in d["counts"][:, p])
      answers = ",".join("1" if x else "0" for x in d["answers"][:, i])
      f.write(f"S{d['stratum'][i] + 1:02d},{p + 1},{wi:.2f},{SEGMENTS[d['segment'][i]]},"
              f"{answers},{reps}\n")
  os.replace(tmp, path)


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, "..", ".build", "peers-data", "w7.csv")
  os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
  write(path, generate(np.random.default_rng(SEED)))
  print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
  main()

#!/usr/bin/env python3
"""W8: the coverage study of Notebooks/coverage.toml (2 distributions x 3 sizes x 150 data sets x
5 bootstrap intervals of the mean, B = 999), four ways, on this machine, one after the other:

  simulate   `resample simulate coverage.toml` (one process, all cores)
  shards     the same study with --shard-datasets (1500) data sets per scenario: --threads 1 in
             one process, against two `--shard I/2` processes of one thread at once + `merge`
  loop       the notebook's former way: a Python loop that writes each data set to a file and
             starts `resample boot --method all` once per data set (900 processes)
  R          boot(R = 999) + boot.ci(5 types) in a loop (w8.R)
  SciPy      scipy.stats.bootstrap in a loop: percentile, basic and BCa (one call each; SciPy has
             no normal or studentized interval, so the normal interval is the estimate +- 1.96 x the
             standard deviation of the percentile call's bootstrap distribution and the studentized
             one is left out)

Times are wall-clock seconds of the whole job (process start to exit), median of --repeats runs;
R's and SciPy's in-process loop times are reported too. Ratios = peer / simulate (all cores).
Coverage per method is printed for each side, so agreement is visible (different generators:
agreement within Monte Carlo error, ~1.8 points at 150 data sets).

  python3 w8.py --cli .build/release/resample [--python PY] [--repeats 3] [--datasets 150]
        [--output FILE.md]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = os.path.join(HERE, "..", "..", "Notebooks", "coverage.toml")
METHODS = ["percentile", "basic", "normal", "bca", "studentized"]


def wall(cmd, **kw):
  t = time.perf_counter()
  p = subprocess.run(cmd, capture_output=True, text=True, **kw)
  if p.returncode != 0:
    sys.exit(f"w8: {' '.join(map(str, cmd))} failed: {p.stderr.strip()}")
  return time.perf_counter() - t, p.stdout


def spec_with(datasets, workdir):
  text = open(SPEC).read().replace("datasets = 150", f"datasets = {datasets}")
  path = os.path.join(workdir, f"w8-{datasets}.toml")
  open(path, "w").write(text)
  return path


def coverage_of_study(study):
  return {s["name"]: {m["name"]: m["measures"]["coverage"]["estimate"] for m in s["methods"]}
          for s in study["scenarios"]}


def run_simulate(cli, spec, threads):
  secs, out = wall([cli, "simulate", spec, "--threads", str(threads), "--format", "json"])
  return secs, coverage_of_study(json.loads(out))


def run_shards(cli, spec, workdir):
  t = time.perf_counter()
  procs = [subprocess.Popen([cli, "simulate", spec, "--threads", "1", "--shard", f"{i}/2",
                             "--output", os.path.join(workdir, f"part{i}.json")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
           for i in (1, 2)]
  for p in procs:
    _, err = p.communicate()
    if p.returncode != 0:
      sys.exit(f"w8: shard failed: {err.strip()}")
  _, out = wall([cli, "merge", os.path.join(workdir, "part1.json"),
                 os.path.join(workdir, "part2.json"), "--format", "json"])
  return time.perf_counter() - t, out


LOOP = r"""
import json, os, subprocess, sys, tempfile
import numpy as np
cli, datasets, workdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(2026)
cov = {}
for dist, truth in (("normal", 0.0), ("lognormal", float(np.exp(0.5)))):
  for n in (10, 20, 50):
    hits = dict.fromkeys(%r, 0)
    for d in range(datasets):
      x = rng.normal(size=n) if dist == "normal" else rng.lognormal(size=n)
      path = os.path.join(workdir, "x.txt")
      np.savetxt(path, x)
      out = subprocess.run([cli, "boot", "--sample-a", path, "--statistic", "mean", "--method",
                            "all", "--replicates", "999", "--seed", str(d + 1), "--threads", "1",
                            "--format", "json"], capture_output=True, text=True, check=True)
      ivs = json.loads(out.stdout)["intervals"]
      for method, (lo, hi) in ivs.items():
        if lo is not None and hi is not None and lo <= truth <= hi:
          hits[method] += 1
    cov[f"{dist}-n{n}"] = {m: h / datasets for m, h in hits.items()}
print(json.dumps({"coverage": cov}))
""" % (METHODS,)

SCIPY = r"""
import json, sys, time
import numpy as np
from scipy import stats
datasets = int(sys.argv[1])
rng = np.random.default_rng(2026)
cov = {}
t0 = time.perf_counter()
for dist, truth in (("normal", 0.0), ("lognormal", float(np.exp(0.5)))):
  for n in (10, 20, 50):
    hits = dict.fromkeys(["percentile", "basic", "normal", "bca"], 0)
    for d in range(datasets):
      x = rng.normal(size=n) if dist == "normal" else rng.lognormal(size=n)
      ivs = {}
      for method in ("percentile", "basic", "BCa"):
        r = stats.bootstrap((x,), np.mean, n_resamples=999, method=method, rng=rng)
        ivs[method.lower()] = (r.confidence_interval.low, r.confidence_interval.high)
        if method == "percentile":
          se = r.standard_error
          ivs["normal"] = (x.mean() - 1.959963984540054 * se, x.mean() + 1.959963984540054 * se)
      for m, (lo, hi) in ivs.items():
        if np.isfinite(lo) and np.isfinite(hi) and lo <= truth <= hi:
          hits[m] += 1
    cov[f"{dist}-n{n}"] = {m: h / datasets for m, h in hits.items()}
print(json.dumps({"seconds": time.perf_counter() - t0, "coverage": cov}))
"""


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--cli", required=True)
  ap.add_argument("--python", default=sys.executable)
  ap.add_argument("--repeats", type=int, default=3)
  ap.add_argument("--datasets", type=int, default=150)
  ap.add_argument("--shard-datasets", type=int, default=1500,
                  help="data sets per scenario of the shards-versus-one-thread comparison "
                  "(larger, so that process start-up does not dominate)")
  ap.add_argument("--output")
  a = ap.parse_args()
  cli = os.path.abspath(a.cli)
  work = tempfile.mkdtemp(prefix="w8-")
  spec = spec_with(a.datasets, work)
  big = spec_with(a.shard_datasets, work)
  times = {k: [] for k in ("simulate", "simulate1", "shards", "loop", "R", "scipy")}
  inproc = {"R": [], "scipy": []}
  cov = {}
  version = subprocess.run([cli, "--version"], capture_output=True, text=True).stdout.strip()
  load0 = os.getloadavg()[0]
  for rep in range(a.repeats):
    s, cov["resample simulate"] = run_simulate(cli, spec, os.cpu_count() or 1)
    times["simulate"].append(s)
    s, _ = run_simulate(cli, big, 1)
    times["simulate1"].append(s)
    s, merged = run_shards(cli, big, work)
    times["shards"].append(s)
    single = subprocess.run([cli, "simulate", big, "--format", "json"], capture_output=True,
                            text=True).stdout
    if merged != single:
      sys.exit("w8: the merged shards differ from the single run")
    s, out = wall([a.python, "-c", LOOP, cli, str(a.datasets), work])
    times["loop"].append(s)
    cov["process loop (resample boot)"] = json.loads(out)["coverage"]
    s, out = wall(["Rscript", os.path.join(HERE, "w8.R"), str(a.datasets)])
    times["R"].append(s)
    r = json.loads(out)
    inproc["R"].append(r["seconds"])
    cov["R boot loop"] = r["coverage"]
    s, out = wall([a.python, "-c", SCIPY, str(a.datasets)])
    times["scipy"].append(s)
    r = json.loads(out)
    inproc["scipy"].append(r["seconds"])
    cov["SciPy bootstrap loop"] = r["coverage"]
    print(f"w8: repeat {rep + 1}/{a.repeats} done", file=sys.stderr)
  med = {k: statistics.median(v) for k, v in times.items()}
  ours = med["simulate"]
  lines = [
    f"# W8: the coverage study, `resample simulate` against loops",
    "",
    f"Generated by `Benchmarks/peers/w8.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    f" ({version}, {os.cpu_count()} cores, load average {load0:.2f} at the start,"
    f" {os.getloadavg()[0]:.2f} at the end). Study: `Notebooks/coverage.toml` (2 distributions x"
    f" n = 10, 20, 50 x {a.datasets} data sets x 5 intervals of the mean, B = 999). Wall time of the"
    f" whole job, median of {a.repeats} runs; ratio = that job / `resample simulate` on all cores.",
    "",
    "| job | wall time | ratio | goal |",
    "|---|---|---|---|",
    f"| `resample simulate` (all cores) | {ours:.2f} s | 1 | |",
    f"| the same study with {a.shard_datasets} data sets per scenario, `--threads 1` |"
    f" {med['simulate1']:.2f} s | | |",
    f"| the same, 2 shards of 1 thread at once + `merge` | {med['shards']:.2f} s | "
    f"shards speed-up over 1 thread: **{med['simulate1'] / med['shards']:.2f}×** |"
    f" shards on 2 cores ≥ 1.8× one core |",
    f"| process loop: `resample boot --method all` per data set | {med['loop']:.2f} s | "
    f"**{med['loop'] / ours:.0f}×** | ≥ 10× |",
    f"| R: `boot` + `boot.ci` (5 types) in a loop | {med['R']:.2f} s "
    f"(in-process {statistics.median(inproc['R']):.2f} s) | **{med['R'] / ours:.0f}×** "
    f"(in-process {statistics.median(inproc['R']) / ours:.0f}×) | ≥ 20× |",
    f"| SciPy: `bootstrap` (percentile, basic, BCa) in a loop | {med['scipy']:.2f} s "
    f"(in-process {statistics.median(inproc['scipy']):.2f} s) | **{med['scipy'] / ours:.0f}×** | |",
    "",
    "Every run of the shards was checked: the merged JSON equals the single run's byte for byte.",
    "",
    "Coverage (each side its own random data; agreement within Monte Carlo error, "
    f"±{196 * (0.95 * 0.05 / a.datasets) ** 0.5:.1f} points at 95 %):",
    "",
    "| side | scenario | " + " | ".join(METHODS) + " |",
    "|---|---|" + "---|" * len(METHODS),
  ]
  for side, table in cov.items():
    for scenario, c in table.items():
      lines.append(f"| {side} | {scenario} | " + " | ".join(
        f"{c[m]:.3f}" if m in c else "–" for m in METHODS) + " |")
  text = "\n".join(lines) + "\n"
  if a.output:
    open(a.output, "w").write(text)
  print(text)


if __name__ == "__main__":
  main()

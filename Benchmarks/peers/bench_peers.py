#!/usr/bin/env python3
"""Runs W1-W6 side by side (SciPy/numpy, R, resample) and writes a markdown report.

Called by scripts/bench-peers.sh, which installs what is missing and builds the release binaries:
  bench_peers.py --python PY --runner BIN --cli BIN [--pairs 5] [--only W1,W4] [--output FILE]

Method (perf-baseline.md): every measurement is a fresh process doing one computation. For each
comparison: one warm-up of each side (not counted), then PAIRS pairs run alternately
(peer, ours, peer, ours, ...), so slow phases of a shared machine hit both sides alike.
- in-process time: reported by the process itself (the computation alone, after start-up and data
  loading); ours comes from `resample-runner`, which calls the library like a user program.
- whole-process time: wall time of the entire command, measured here; ours is the `resample` CLI.
- ratio: peer time / our time, taken pair by pair; the table shows the median of the pair ratios.
- peak memory: the process's maximum resident set (getrusage / VmHWM), median over the pairs.
"""
import argparse
import datetime
import json
import os
import platform
import selectors
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def comparisons(py, cli):
  """Each comparison: what it computes, the goal (peer/ours ratio) if the issues set one, the
  peer's command, the runner workload, and the CLI command that does the same job."""
  pyw = lambda w: [py, os.path.join(HERE, "peers.py"), w]
  rw = lambda w: ["Rscript", os.path.join(HERE, "peers.R"), w]
  d = lambda f: os.path.join(DATA, f)
  w1_cli = lambda b: [cli, "boot", "--data", d("w1.csv"), "--column", "yes", "--group", "segment",
                      "--compare", "A,B", "--statistic", "proportion", "--method", "bca",
                      "--replicates", str(b), "--seed", "12345", "--format", "json"]
  w2_cli = lambda stat, method: [cli, "boot", "--sample-a", d("w2.txt"), "--statistic", stat,
                                 "--method", method, "--replicates", "10000", "--seed", "12345",
                                 "--format", "json"]
  w4 = "12,5,9,14;7,14,3,10;20,25,17,20"
  w4_cli = [cli, "chisq", "--table", w4, "--correction", "none", "--monte-carlo", "100000",
            "--seed", "12345", "--format", "json"]
  fisher_cli = [cli, "fisher", "--table", w4, "--format", "json"]
  w5_cli = [cli, "perm", "--data", d("w5.csv"), "--column", "value", "--group", "sample",
            "--compare", "x,y", "--statistic", "mean", "--replicates", "100000", "--seed", "12345",
            "--format", "json"]
  w6_cli = [cli, "power", "--p1", "0.61", "--p2", "0.43", "--n", "20..200:20", "--simulations",
            "10000", "--seed", "12345", "--format", "json"]
  # W3 has no single CLI equivalent: `resample compare --data` answers the same question but also
  # runs Fisher tests, Newcombe intervals and max-T, so only the library is compared there.
  w3_cli = None
  return [
    ("W1", "W1 BCa, B = 1e6", 100, "scipy", pyw("W1-bca-1e6"), "W1-bca-1e6", w1_cli(1_000_000)),
    ("W1", "W1 BCa, B = 1e4", None, "scipy", pyw("W1-bca-1e4"), "W1-bca-1e4", w1_cli(10_000)),
    ("W1", "W1 BCa, B = 1e4", None, "R", rw("W1-bca-1e4"), "W1-bca-1e4", w1_cli(10_000)),
    ("W2", "W2 mean, BCa", 20, "scipy", pyw("W2-mean-bca"), "W2-mean-bca",
     w2_cli("mean", "bca")),
    ("W2", "W2 mean, BCa", None, "R", rw("W2-mean-bca"), "W2-mean-bca", w2_cli("mean", "bca")),
    ("W2", "W2 median, percentile", 15, "scipy", pyw("W2-median-percentile"),
     "W2-median-percentile", w2_cli("median", "percentile")),
    ("W2", "W2 median, percentile", None, "R", rw("W2-median-percentile"),
     "W2-median-percentile", w2_cli("median", "percentile")),
    ("W3", "W3 120 percentile CIs", 50, "scipy", pyw("W3-scipy-loop"), "W3", w3_cli),
    ("W3", "W3 120 percentile CIs", 4, "numpy", pyw("W3-numpy"), "W3", w3_cli),
    ("W3", "W3 120 percentile CIs", None, "R", rw("W3"), "W3", w3_cli),
    ("W4", "W4 Monte Carlo χ², B = 1e5", 1, "R", rw("W4-montecarlo"), "W4-montecarlo", w4_cli),
    ("W4", "W4 Monte Carlo χ², B = 1e5", None, "scipy", pyw("W4-montecarlo"), "W4-montecarlo",
     w4_cli),
    ("W4", "W4 Fisher exact r×c", None, "R", rw("W4-fisher"), "W4-fisher", fisher_cli),
    ("W5", "W5 permutation test, 1e5", 10, "R", rw("W5"), "W5", w5_cli),
    ("W5", "W5 permutation test, 1e5", None, "scipy", pyw("W5"), "W5", w5_cli),
    ("W6", "W6 simulated power", 4, "numpy", pyw("W6"), "W6", w6_cli),
    ("W6", "W6 simulated power", None, "R", rw("W6"), "W6", w6_cli),
  ]


def spawn(argv, env=None):
  """Fresh process; returns (stdout, stderr, wall s, peak RSS MiB from wait4, exit code)."""
  r_out, w_out = os.pipe()
  r_err, w_err = os.pipe()
  t0 = time.perf_counter()
  pid = os.fork()
  if pid == 0:  # child
    try:
      os.dup2(w_out, 1)
      os.dup2(w_err, 2)
      for fd in (r_out, w_out, r_err, w_err):
        os.close(fd)
      if env is None:
        os.execvp(argv[0], argv)
      else:
        os.execvpe(argv[0], argv, {**os.environ, **env})
    finally:
      os._exit(127)
  os.close(w_out)
  os.close(w_err)
  chunks_out, chunks_err = [], []
  sel = selectors.DefaultSelector()
  sel.register(r_out, selectors.EVENT_READ, chunks_out)
  sel.register(r_err, selectors.EVENT_READ, chunks_err)
  open_fds = 2
  while open_fds:
    for key, _ in sel.select():
      data = os.read(key.fd, 65536)
      if data:
        key.data.append(data)
      else:
        sel.unregister(key.fd)
        os.close(key.fd)
        open_fds -= 1
  _, status, usage = os.wait4(pid, 0)
  wall = time.perf_counter() - t0
  return (b"".join(chunks_out), b"".join(chunks_err), wall, usage.ru_maxrss / 1024.0,
          os.waitstatus_to_exitcode(status))


class Failed(Exception):
  pass


def measure(argv, env=None):
  out, err, wall, rss, code = spawn(argv, env)
  if code != 0:
    raise Failed(f"`{' '.join(os.path.basename(a) if i == 0 else a for i, a in enumerate(argv))}`"
                 f" exited {code}: {err.decode(errors='replace').strip()[-400:]}")
  return out, wall, rss


def fmt_tiered(v, tiers, smallest):
  """Formats v with the first (threshold, format) of tiers that v reaches, else smallest; None
  as "–"."""
  if v is None:
    return "–"
  for threshold, fmt in tiers:
    if v >= threshold:
      return fmt(v)
  return smallest(v)


def fmt_time(s):
  return fmt_tiered(s, [(1, lambda s: f"{s:.2f} s"), (0.01, lambda s: f"{s * 1e3:.0f} ms"),
                        (0.001, lambda s: f"{s * 1e3:.1f} ms")], lambda s: f"{s * 1e6:.0f} µs")


def fmt_ratio(r):
  return fmt_tiered(r, [(100, lambda r: f"{r:,.0f}×"), (10, lambda r: f"{r:.0f}×")],
                    lambda r: f"{r:.1f}×")


def fmt_num(v):
  if isinstance(v, list):
    return "[" + ", ".join(fmt_num(x) for x in v) + "]"
  if isinstance(v, float):
    return f"{v:.6g}" if abs(v) >= 1e-4 or v == 0 else f"{v:.3e}"
  return str(v)


def fmt_result(res):
  if res is None:
    return "–"
  if set(res) == {"lower", "upper"}:
    return f"[{fmt_num(res['lower'])}, {fmt_num(res['upper'])}]"
  parts = []
  for k, v in res.items():
    if k == "power":
      parts.append("power " + " ".join(f"{x:.4f}".lstrip("0") for x in v))
    else:
      parts.append(f"{k.replace('_', ' ')} {fmt_num(v)}")
  return "; ".join(parts)


def median(xs):
  xs = [x for x in xs if x is not None]
  return statistics.median(xs) if xs else None


def machine_facts():
  model = ""
  try:
    with open("/proc/cpuinfo") as f:
      for line in f:
        if line.startswith("model name"):
          model = line.split(":", 1)[1].strip()
          break
  except OSError:
    pass
  mem = ""
  try:
    with open("/proc/meminfo") as f:
      kb = int(f.readline().split()[1])
      mem = f"{kb / 1024 / 1024:.0f} GiB"
  except (OSError, ValueError, IndexError):
    pass
  return {"cpu": model, "cores": os.cpu_count(), "memory": mem,
          "kernel": platform.release(), "os": platform.platform(terse=True)}


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
  ap.add_argument("--python", required=True)
  ap.add_argument("--runner", required=True)
  ap.add_argument("--cli", required=True)
  ap.add_argument("--pairs", type=int, default=5)
  ap.add_argument("--only", default="", help="comma-separated workload prefixes, e.g. W1,W4")
  ap.add_argument("--output", default=os.path.join(os.path.dirname(HERE), "RESULTS.md"))
  ap.add_argument("--json", default="", help="also write the raw measurements here")
  args = ap.parse_args()

  only = [w for w in args.only.split(",") if w]
  started = datetime.datetime.now(datetime.timezone.utc)
  load_start = os.getloadavg()

  runner_has = set(subprocess.run([args.runner, "--list"], capture_output=True, text=True,
                                  check=True).stdout.split())
  doctor = json.loads(subprocess.run([args.cli, "doctor", "--format", "json"], capture_output=True,
                                     text=True, check=True).stdout)
  blas = doctor.get("blas", {})
  our_blas = (f"OpenBLAS {blas.get('kernel', '?')}, {blas.get('threads', '?')} thread(s)"
              f" ({blas.get('how', '')})")

  helptext = subprocess.run([args.cli, "--help"], capture_output=True, text=True).stdout
  commands = set()
  in_subcommands = False
  for line in helptext.splitlines():
    if line.startswith("SUBCOMMANDS:"):
      in_subcommands = True
    elif in_subcommands and line.startswith("  ") and not line.startswith("   "):
      commands.add(line.split()[0])

  def cli_available(argv):
    return argv is not None and argv[1] in commands

  rows = []
  raw = []
  for wid, label, goal, peer, peer_argv, runner_w, cli_argv in comparisons(args.python, args.cli):
    if only and not any(label.startswith(o) or wid == o for o in only):
      continue
    ours_in = runner_w in runner_has
    ours_cli = cli_available(cli_argv)
    print(f"== {label} vs {peer}: runner {'yes' if ours_in else 'no'}, "
          f"CLI {'yes' if ours_cli else 'no'}", file=sys.stderr, flush=True)
    record = {"workload": wid, "label": label, "peer": peer, "goal": goal, "pairs": [],
              "errors": []}
    runner_argv = [args.runner, runner_w]
    try:
      # warm-up (file cache, page cache for the libraries), not counted
      measure(peer_argv)
      if ours_in:
        measure(runner_argv)
      if ours_cli:
        try:
          measure(cli_argv)
        except Failed as e:
          record["errors"].append(str(e))
          ours_cli = False
      for i in range(args.pairs):
        pair = {}
        out, wall, rss = measure(peer_argv)
        pj = json.loads(out)
        pair["peer"] = {"seconds": pj["seconds"], "wall": wall, "rss": pj["peak_rss_mib"],
                        "rss_wait4": rss, "result": pj["result"]}
        record["variant"] = pj["variant"]
        record["peer_blas"] = pj.get("blas", "")
        if ours_in:
          out, wall, rss = measure(runner_argv)
          oj = json.loads(out)
          pair["ours"] = {"seconds": oj["seconds"], "wall": wall, "rss": oj["peak_rss_mib"],
                          "result": oj["result"]}
          record["our_variant"] = oj["variant"]
          record["our_blas"] = oj.get("blas", "")
          # The same computation on one worker thread (not paired; shown for transparency).
          out, wall, rss = measure(runner_argv, {"RESAMPLE_THREADS": "1"})
          pair["ours1"] = {"seconds": json.loads(out)["seconds"]}
        if ours_cli:
          try:
            out, wall, rss = measure(cli_argv)
            pair["cli"] = {"wall": wall, "rss": rss}
          except Failed as e:
            record["errors"].append(str(e))
            ours_cli = False
        record["pairs"].append(pair)
        print(f"   pair {i + 1}: peer {fmt_time(pair['peer']['seconds'])}"
              + (f", ours {fmt_time(pair['ours']['seconds'])}" if "ours" in pair else "")
              + (f", cli {fmt_time(pair['cli']['wall'])}" if "cli" in pair else ""),
              file=sys.stderr, flush=True)
    except Failed as e:
      record["errors"].append(str(e))
      print(f"   error: {e}", file=sys.stderr, flush=True)
    raw.append(record)

  finished = datetime.datetime.now(datetime.timezone.utc)
  load_end = os.getloadavg()
  report = render(raw, args, started, finished, load_start, load_end, our_blas, doctor)
  with open(args.output, "w") as f:
    f.write(report)
  if args.json:
    with open(args.json, "w") as f:
      json.dump({"records": raw, "doctor": doctor, "machine": machine_facts(),
                 "started": started.isoformat(), "finished": finished.isoformat()}, f, indent=1)
  print(report)


def summarise(record):
  pairs = record["pairs"]
  peer_s = median([p["peer"]["seconds"] for p in pairs])
  peer_wall = median([p["peer"]["wall"] for p in pairs])
  peer_rss = median([p["peer"]["rss"] for p in pairs])
  ours = [p for p in pairs if "ours" in p]
  cli = [p for p in pairs if "cli" in p]
  s = {"peer_s": peer_s, "peer_wall": peer_wall, "peer_rss": peer_rss,
       "peer_result": pairs[-1]["peer"]["result"] if pairs else None,
       "ours_s": median([p["ours"]["seconds"] for p in ours]) if ours else None,
       "ours_rss": median([p["ours"]["rss"] for p in ours]) if ours else None,
       "ours_result": ours[-1]["ours"]["result"] if ours else None,
       "ratio": median([p["peer"]["seconds"] / p["ours"]["seconds"] for p in ours
                        if p["ours"]["seconds"] > 0]) if ours else None,
       "ours1_s": median([p["ours1"]["seconds"] for p in ours if "ours1" in p]) if ours else None,
       "ratio1": median([p["peer"]["seconds"] / p["ours1"]["seconds"] for p in ours
                         if "ours1" in p and p["ours1"]["seconds"] > 0]) if ours else None,
       "cli_wall": median([p["cli"]["wall"] for p in cli]) if cli else None,
       "cli_rss": median([p["cli"]["rss"] for p in cli]) if cli else None,
       "wall_ratio": median([p["peer"]["wall"] / p["cli"]["wall"] for p in cli]) if cli else None}
  return s


def render(raw, args, started, finished, load_start, load_end, our_blas, doctor):
  m = machine_facts()
  lines = []
  lines.append("# Peer comparison: W1–W6")
  lines.append("")
  lines.append(f"Generated by `scripts/bench-peers.sh` on {started:%Y-%m-%d}, "
               f"{started:%H:%M}–{finished:%H:%M} UTC.")
  lines.append("")
  lines.append(f"- **Machine:** {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; "
               f"{m['os']}. Load average {load_start[0]:.1f} at the start, "
               f"{load_end[0]:.1f} at the end (the machine is shared: treat single figures as "
               "±50 %, the paired ratios are steadier).")
  commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "unknown"
  dirty = subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--untracked-files=no",
                          "--", "../../Sources", "../../Package.swift"],
                         capture_output=True, text=True).stdout.strip()
  lines.append(f"- **resample:** {doctor.get('tool', doctor.get('version', '?'))} at commit "
               f"`{commit}`{' with uncommitted source changes' if dirty else ''}, release build; "
               f"BLAS: {our_blas}.")
  lines.append(f"- **Method:** every figure is a fresh process doing one computation; 1 warm-up "
               f"each, then {args.pairs} pairs run alternately (peer, ours, peer, ours, …). "
               "*In-process* = the computation alone, timed inside the process after start-up and "
               "data loading (ours: `resample-runner`, which calls the library); *whole* = wall "
               "time of the entire command (ours: the `resample` CLI). Ours runs on all cores, as "
               "the CLI does by default (`--threads`); results do not depend on the thread count, "
               "and the *1 thread* columns show the same computation on one worker (unpaired "
               "runs, same median). The peers' BLAS use 2 threads. Ratio = peer / ours, "
               "median of the pair ratios. Memory = peak resident set. Seeds fixed (12345); "
               "both sides' results are shown so agreement is visible (Monte Carlo results "
               "agree within Monte Carlo error, not digit for digit: different generators).")
  lines.append("- Workloads, data and the published peer figures: "
               "`Benchmarks/peers/README.md`, `Benchmarks/peers/data/`.")
  lines.append("")
  headline = []
  for rec in raw:
    if rec["goal"] and rec["pairs"]:
      s = summarise(rec)
      if s["ratio"] is not None:
        met = "met" if s["ratio"] >= rec["goal"] else "**not met**"
        headline.append(f"| {rec['label']} | {rec['peer']} | **{fmt_ratio(s['ratio'])}** | "
                        f"≥ {rec['goal']}× ({met}) | {fmt_ratio(s['ratio1'])} | "
                        f"{fmt_ratio(s['wall_ratio'])} |")
  if headline:
    lines.append("Goals of the bootstrap, tables and survey issues (ratio = peer time / ours, "
                 "in-process, median of the pair ratios; whole = the same for the entire "
                 "command, ours being the CLI):")
    lines.append("")
    lines.append("| workload | peer | ratio | goal | ratio, ours on 1 thread | ratio whole |")
    lines.append("|---|---|---|---|---|---|")
    lines += headline
    lines.append("")
    lines.append("All comparisons:")
    lines.append("")
  lines.append("| workload | peer | peer in-process | ours in-process | **ratio** | goal | "
               "ours, 1 thread | ratio, 1 thread | "
               "peer whole | `resample` CLI whole | ratio whole | peak memory peer / ours | "
               "peer result | our result |")
  lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
  blas_lines = {}
  for rec in raw:
    if rec["errors"] and not rec["pairs"]:
      lines.append(f"| {rec['label']} | {rec['peer']} | – | – | – | "
                   f"{'≥ ' + str(rec['goal']) + '×' if rec['goal'] else ''} | – | – | – | – | – | "
                   f"– | error: {rec['errors'][0][:120]} | – |")
      continue
    s = summarise(rec)
    goal = ""
    if rec["goal"]:
      met = s["ratio"] is not None and s["ratio"] >= rec["goal"]
      goal = f"≥ {rec['goal']}× " + ("✅" if met else ("❌" if s["ratio"] is not None else "–"))
    mem = (f"{s['peer_rss']:.0f} / {s['ours_rss']:.0f} MiB" if s["ours_rss"] is not None
           else f"{s['peer_rss']:.0f} MiB / –")
    if rec["workload"] == "W2" and s["ours_rss"] is not None:  # bootstrap issue: W2 < 64 MiB
      mem += " (goal < 64 " + ("✅" if s["ours_rss"] < 64 else "❌") + ")"
    lines.append(
      f"| {rec['label']} | {rec['peer']} | {fmt_time(s['peer_s'])} | {fmt_time(s['ours_s'])} | "
      f"**{fmt_ratio(s['ratio'])}** | {goal} | {fmt_time(s['ours1_s'])} | "
      f"{fmt_ratio(s['ratio1'])} | {fmt_time(s['peer_wall'])} | "
      f"{fmt_time(s['cli_wall'])} | {fmt_ratio(s['wall_ratio'])} | {mem} | "
      f"{fmt_result(s['peer_result'])} | {fmt_result(s['ours_result'])} |")
    blas_lines.setdefault(rec["peer"], rec.get("peer_blas", ""))
  lines.append("")
  lines.append("What each side ran:")
  lines.append("")
  seen = set()
  for rec in raw:
    key = (rec["label"], rec["peer"])
    if key in seen or "variant" not in rec:
      continue
    seen.add(key)
    ours = rec.get("our_variant", "not available yet")
    lines.append(f"- {rec['label']}, {rec['peer']}: {rec['variant']}. Ours: {ours}.")
  lines.append("")
  lines.append("BLAS kernel in use:")
  lines.append("")
  lines.append(f"- resample: {our_blas}")
  runner_blas = next((r.get("our_blas") for r in raw if r.get("our_blas")), "")
  if runner_blas:
    lines.append(f"- resample-runner (the library, in-process figures): {runner_blas}")
  for peer, b in blas_lines.items():
    lines.append(f"- {peer}: {b}")
  errors = [(r["label"], r["peer"], e) for r in raw for e in r["errors"]]
  if errors:
    lines.append("")
    lines.append("Errors:")
    lines.append("")
    for label, peer, e in errors:
      lines.append(f"- {label} / {peer}: {e}")
  lines.append("")
  return "\n".join(lines)


if __name__ == "__main__":
  main()

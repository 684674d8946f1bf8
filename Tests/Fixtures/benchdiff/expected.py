#!/usr/bin/env python3
"""Extracts the samples of every bench-diff fixture with Python's json/csv/re modules.

Written independently of the Swift parsers, from the tools' documented schemas:
- hyperfine --export-json: results[].command, results[].times (seconds)
- Google Benchmark JSON: benchmarks[] with run_type == "iteration" (aggregates ignored), grouped
  by run_name, real_time in time_unit
- Go benchmark format (golang.org/design/14313-benchmark-format): lines
  "Benchmark<Name> <iterations> <value> ns/op ...", one per run
- pyperf JSON: benchmarks[].metadata.name (or the file's metadata.name), runs[].values (seconds;
  calibration runs without values skipped)
- criterion: <id>/new/sample.json times[i] / iters[i] (ns), the id from benchmark.json full_id
- cargo-criterion --message-format=json: "benchmark-complete" lines, measured_values[i] /
  iteration_count[i] in unit
- CSV name,value: one row per run, optional header
Values are converted to seconds where the unit is a time; expected.json maps each fixture to its
format and its benchmarks in file order.
"""
import csv
import glob
import json
import os
import re

SCALE = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def ordered(pairs):
    return [{"name": k, "values": v} for k, v in pairs.items()]


def hyperfine(path):
    d = json.load(open(path))
    return ordered({r["command"]: r["times"] for r in d["results"]}), "s"


def gbench(path):
    d = json.load(open(path))
    out = {}
    for b in d["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration" or b.get("error_occurred"):
            continue
        out.setdefault(b.get("run_name", b["name"]), []).append(
            b["real_time"] * SCALE[b.get("time_unit", "ns")])
    return ordered(out), "s"


def gotext(path):
    out = {}
    pattern = re.compile(r"^(Benchmark\S*)\s+(\d+)\s+(.*)$")
    for line in open(path):
        m = pattern.match(line.rstrip("\n"))
        if not m:
            continue
        fields = m.group(3).split()
        for value, unit in zip(fields[0::2], fields[1::2]):
            if unit == "ns/op":
                out.setdefault(m.group(1), []).append(float(value) * 1e-9)
    return ordered(out), "s"


def pyperf(path):
    d = json.load(open(path))
    common = d.get("metadata", {})
    out = {}
    for b in d["benchmarks"]:
        name = b.get("metadata", {}).get("name", common.get("name"))
        values = []
        for run in b["runs"]:
            values.extend(run.get("values", []))
        out[name] = values
    return ordered(out), "s"


def criterion(folder):
    out = {}
    for sample in sorted(glob.glob(os.path.join(folder, "**", "new", "sample.json"),
                                   recursive=True)):
        meta = os.path.join(os.path.dirname(sample), "benchmark.json")
        name = json.load(open(meta))["full_id"]
        s = json.load(open(sample))
        out[name] = [t / i * 1e-9 for t, i in zip(s["times"], s["iters"])]
    return ordered(dict(sorted(out.items()))), "s"


def cargo_criterion(path):
    out = {}
    for line in open(path):
        if not line.strip():
            continue
        m = json.loads(line)
        if m.get("reason") != "benchmark-complete":
            continue
        scale = SCALE[m["unit"]]
        out[m["id"]] = [v / n * scale for v, n in zip(m["measured_values"], m["iteration_count"])]
    return ordered(out), "s"


def name_value_csv(path):
    rows = [r for r in csv.reader(open(path, newline="", encoding="utf-8-sig")) if r]
    try:
        float(rows[0][1])
    except ValueError:
        rows = rows[1:]
    out = {}
    for name, value in rows:
        out.setdefault(name, []).append(float(value))
    return ordered(out), ""


def main():
    expected = {}
    specs = [
        ("hyperfine", hyperfine, "hyperfine_*.json"),
        ("google-benchmark", gbench, "gbench_*.json"),
        ("go", gotext, "go_*.txt"),
        ("pyperf", pyperf, "pyperf_*.json"),
        ("criterion", criterion, "criterion_*"),
        ("cargo-criterion", cargo_criterion, "cargo_criterion_*.jsonl"),
        ("csv", name_value_csv, "csv_*.csv"),
    ]
    for fmt, reader, pattern in specs:
        for path in sorted(glob.glob(pattern)):
            benchmarks, unit = reader(path)
            expected[path] = {"format": fmt, "unit": unit, "benchmarks": benchmarks}
    with open("expected.json", "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

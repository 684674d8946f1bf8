"""Independent reference for the bench-diff readers: extracts the samples of every fixture in
this folder with Python's json/csv/gzip modules into expected.json (values in seconds unless a
metric is named). Run after generate.sh: python3 expected.py"""
import csv, gzip, itertools, json, re

out = {}
UNIT = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0}


def add(key, fmt, unit, benches):
    out[key] = {"format": fmt, "unit": unit,
                "benchmarks": [{"name": n, "values": v} for n, v in benches.items()]}


for side in ["base", "new"]:
    # Google Benchmark CSV: real_time rows without the aggregate suffixes.
    rows = list(csv.DictReader(open(f"gbench_{side}.csv")))
    names = {r["name"] for r in rows}
    b = {}
    for r in rows:
        if any(r["name"].endswith(s) and r["name"][: -len(s)] in names
               for s in ["_mean", "_median", "_stddev", "_cv"]):
            continue
        b.setdefault(r["name"], []).append(float(r["real_time"]) * UNIT[r["time_unit"]])
    add(f"gbench_{side}.csv", "google-benchmark-csv", "s", b)
    # Google Benchmark JSON counter bytes_per_second of the repetitions.
    d = json.load(open(f"gbench_counters_{side}.json"))
    b = {}
    for r in d["benchmarks"]:
        if r.get("run_type") == "iteration":
            b.setdefault(r["run_name"], []).append(r["bytes_per_second"])
    add(f"gbench_counters_{side}.json#bytes_per_second", "google-benchmark", "bytes_per_second", b)
    # Go text and go test -json: ns/op and B/op per line.
    for fname, fmt in [(f"go_{side}.txt", "go"), (f"go_{side}.jsonl", "go-json")]:
        if fmt == "go":
            text = open(fname).read()
        else:
            text = "".join(e.get("Output", "") for e in map(json.loads, open(fname))
                           if e.get("Action") == "output")
        for metric, key in [("ns/op", fname), ("B/op", fname + "#B/op")]:
            b = {}
            for line in text.splitlines():
                f = line.split()
                if len(f) >= 4 and f[0].startswith("Benchmark") and f[1].isdigit():
                    pairs = dict(zip(f[3::2], f[2::2]))
                    if metric in pairs:
                        v = float(pairs[metric])
                        b.setdefault(f[0], []).append(v * 1e-9 if metric == "ns/op" else v)
            add(key, fmt, "s" if metric == "ns/op" else metric, b)
    # pytest-benchmark: stats.data.
    d = json.load(open(f"pytest_{side}.json"))
    add(f"pytest_{side}.json", "pytest-benchmark", "s",
        {x["name"]: x["stats"]["data"] for x in d["benchmarks"]})
    # asv: samples per parameter combination.
    d = json.load(open(f"asv_{side}.json"))
    cols = d["result_columns"]
    b = {}
    for name in sorted(d["results"]):
        row = dict(zip(cols, d["results"][name]))
        combos = [", ".join(c) for c in itertools.product(*row["params"])] if row["params"] else [""]
        for c, samples in zip(combos, row["samples"]):
            b[f"{name}({c})" if c else name] = samples
    add(f"asv_{side}.json", "asv", "s", b)
    # pyperf .json.gz: every run's values.
    d = json.load(gzip.open(f"pyperf_{side}.json.gz"))
    add(f"pyperf_{side}.json.gz", "pyperf", "s",
        {x["metadata"]["name"]: [v for r in x["runs"] for v in r.get("values", [])]
         for x in d["benchmarks"]})
    # name,value,unit CSV converted to seconds.
    b = {}
    for r in csv.DictReader(open(f"csv_units_{side}.csv")):
        b.setdefault(r["name"], []).append(float(r["value"]) * UNIT[r["unit"]])
    add(f"csv_units_{side}.csv", "csv", "s", b)

json.dump(out, open("expected.json", "w"), indent=1)
print(len(out), "entries")

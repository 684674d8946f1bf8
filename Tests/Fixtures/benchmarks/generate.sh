#!/usr/bin/env bash
# Produces the real-tool benchmark outputs under this folder (the bench-diff regression fixtures
# of issue 16). Run from anywhere: bash Tests/Fixtures/benchmarks/generate.sh [gbench|go|pytest|asv|pyperf|criterion|csv]
# Needs (Debian 12): g++ + libbenchmark-dev (Google Benchmark 1.7.1), golang-go (Go 1.19),
# python3 venv with pyperf, pytest-benchmark and asv (PyPI), cargo + librust-criterion-dev
# (criterion 0.3.6 from Debian's local crate registry, no network).
# Each tool runs a "base" and a "new" build; in "new" one benchmark is about twice as slow.
# The numbers differ on every run; the tests check structure and relations that hold for any
# run (which value is read, which rows are skipped, which side is slower), not the figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
venv="${VENV:-/tmp/benchvenv}"
only="${1:-all}"

if [ "$only" = all ] || [ "$only" = gbench ]; then
  # COUNTERS=1: throughput counters (../benchdiff builds the same source with COUNTERS=0).
  for v in 0 1; do
    g++ -O2 -DVARIANT=$v -DCOUNTERS=1 tools/gbench/bench.cc -o "$work/gbench$v" -lbenchmark -lpthread
  done
  for v in 0 1; do
    side=base; [ $v = 1 ] && side=new
    # CSV reporter, 6 repetitions: per-repetition rows followed by _mean/_median/_stddev/_cv rows.
    "$work/gbench$v" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
      --benchmark_format=csv >"gbench_$side.csv" 2>/dev/null
    # JSON with counters (bytes_per_second, items_per_second).
    "$work/gbench$v" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
      --benchmark_format=json >"gbench_counters_$side.json" 2>/dev/null
    # Aggregates only (no repetition rows), JSON and CSV.
    "$work/gbench$v" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
      --benchmark_report_aggregates_only=true --benchmark_format=json \
      >"gbench_aggregates_$side.json" 2>/dev/null
    "$work/gbench$v" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
      --benchmark_report_aggregates_only=true --benchmark_format=csv \
      >"gbench_aggregates_$side.csv" 2>/dev/null
  done
  # The console reporter (what a user gets without --benchmark_format).
  "$work/gbench0" --benchmark_repetitions=2 --benchmark_min_time=0.01 --benchmark_color=false \
    >gbench_console.txt 2>/dev/null
fi

if [ "$only" = all ] || [ "$only" = go ]; then
  cp -r tools/gobench "$work/gobench"
  export GOFLAGS=-mod=mod GOCACHE="$work/gocache"
  # Text output, 5 runs, memory statistics; base at GOMAXPROCS 2 (names end in -2), new at 4 (-4).
  (cd "$work/gobench" && go test -run '^$' -bench . -benchmem -benchtime 2000x -count 5 -cpu 2) \
    >go_base.txt
  (cd "$work/gobench" && go test -tags slow -run '^$' -bench . -benchmem -benchtime 2000x \
    -count 5 -cpu 4) >go_new.txt
  # test2json event stream.
  (cd "$work/gobench" && go test -json -run '^$' -bench . -benchmem -benchtime 2000x -count 5) \
    >go_base.jsonl
  (cd "$work/gobench" && go test -json -tags slow -run '^$' -bench . -benchmem -benchtime 2000x \
    -count 5) >go_new.jsonl
fi

if [ "$only" = all ] || [ "$only" = pytest ]; then
  # pytest-benchmark --benchmark-json (stats.data holds every round's time in seconds).
  for v in 0 1; do
    side=base; [ $v = 1 ] && side=new
    (cd tools/pytestbench && VARIANT=$v "$venv/bin/python" -m pytest -q -p no:cacheprovider \
      --benchmark-min-rounds=8 --benchmark-max-time=0.000001 --benchmark-warmup=off \
      --benchmark-json="$here/pytest_$side.json" test_bench.py >/dev/null)
  done
  # A saved run (--benchmark-save) keeps only the summary statistics, no stats.data.
  (cd tools/pytestbench && "$venv/bin/python" -m pytest -q -p no:cacheprovider \
    --benchmark-min-rounds=8 --benchmark-max-time=0.000001 --benchmark-save=nodata \
    --benchmark-storage="file://$work/store" test_bench.py >/dev/null)
  cp "$work"/store/*/0001_nodata.json pytest_saved_nodata.json
fi

if [ "$only" = all ] || [ "$only" = pyperf ]; then
  # pyperf writes gzip-compressed JSON when the file name ends in .json.gz.
  rm -f pyperf_base.json.gz pyperf_new.json.gz
  VARIANT=0 "$venv/bin/python" tools/pyperf/bench.py --fast --quiet -o pyperf_base.json.gz
  VARIANT=1 "$venv/bin/python" tools/pyperf/bench.py --fast --quiet -o pyperf_new.json.gz
fi

if [ "$only" = all ] || [ "$only" = asv ]; then
  # asv 0.6 results with --record-samples (a git repository is required; one commit per side).
  cp -r tools/asv "$work/asv"
  (cd "$work/asv" && git init -q && git -c user.name=x -c user.email=x@x add -A \
    && git -c user.name=x -c user.email=x@x commit -qm base)
  hash="$(git -C "$work/asv" rev-parse HEAD)"
  (cd "$work/asv" && "$venv/bin/asv" machine --yes --machine fixture >/dev/null)
  for v in 0 1; do
    side=base; [ $v = 1 ] && side=new
    rm -rf "$work/asv/results/fixture/"*-*.json
    (cd "$work/asv" && VARIANT=$v "$venv/bin/asv" run --record-samples \
      --python=same --set-commit-hash "$hash" -a repeat=8 -a warmup_time=0 -a rounds=1 \
      --machine fixture >/dev/null 2>&1)
    cp "$(ls "$work"/asv/results/fixture/*.json | grep -v machine.json)" "asv_$side.json"
  done
fi

if [ "$only" = all ] || [ "$only" = criterion ]; then
  # criterion 0.3.6 from Debian's crate registry (THROUGHPUT=1: with the "throughput/sum" group;
  # ../benchdiff runs the same project with THROUGHPUT=0). The usual baseline workflow in one
  # target dir: `--save-baseline main` on the base build, then `--baseline main` on the new build
  # (which compares with main and writes new/). Kept: <id>/{main,new}/{sample,benchmark}.json.
  . "$here/tools/cargo-offline.sh"
  cargo_offline_project tools/criterion "$work/criterion"
  (cd "$work/criterion" && THROUGHPUT=1 VARIANT=0 cargo bench --quiet --bench fib -- --noplot \
    --save-baseline main >/dev/null 2>&1)
  (cd "$work/criterion" && THROUGHPUT=1 VARIANT=1 cargo bench --quiet --bench fib -- --noplot \
    --baseline main >/dev/null 2>&1)
  rm -rf criterion_baselines
  (cd "$work/criterion/target/criterion" && find . -path ./report -prune -o \
    \( -path '*/main/*.json' -o -path '*/new/*.json' \) -print) | while read -r f; do
    case "$f" in */sample.json|*/benchmark.json) ;; *) continue ;; esac
    mkdir -p "criterion_baselines/$(dirname "$f")"
    cp "$work/criterion/target/criterion/$f" "criterion_baselines/$f"
  done
fi

if [ "$only" = all ] || [ "$only" = hyperfine ]; then
  # The usual `hyperfine './old' './new'`: two commands in one file.
  hyperfine -N --warmup 1 --runs 8 --export-json hyperfine_two.json \
    'sleep 0.01' 'sleep 0.03' >/dev/null
  # Three commands, named: compared with --base-command.
  hyperfine -N --warmup 1 --runs 6 --export-json hyperfine_three.json \
    -n fast 'sleep 0.01' -n slow 'sleep 0.03' -n same 'sleep 0.01' >/dev/null
  # One run per command.
  hyperfine -N --runs 1 --export-json hyperfine_one_run_base.json -n sleep 'sleep 0.01' >/dev/null
  hyperfine -N --runs 1 --export-json hyperfine_one_run_new.json -n sleep 'sleep 0.02' >/dev/null
fi

if [ "$only" = all ] || [ "$only" = csv ]; then
  # name,value,unit CSVs made from hyperfine_two.json's runs: the base in ns, the new in ms
  # (the slower command's runs), so a reader that ignores the unit reports -100 %.
  python3 - <<'PY'
import csv, json
runs = json.load(open("hyperfine_two.json"))["results"]
with open("csv_units_base.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value", "unit"])
    for t in runs[0]["times"]: w.writerow(["sleep", repr(t * 1e9), "ns"])
with open("csv_units_new.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value", "unit"])
    for t in runs[1]["times"]: w.writerow(["sleep", repr(t * 1e3), "ms"])
with open("csv_units_unknown.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value", "unit"])
    for t in runs[1]["times"]: w.writerow(["sleep", repr(t * 1e3), "msec"])
# The same runs scaled to subnormal seconds (about 1e-310 s): both sides x1e-308.
with open("csv_subnormal_base.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value"])
    for t in runs[0]["times"]: w.writerow(["sleep", repr(t * 1e-308)])
with open("csv_subnormal_new.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value"])
    for t in runs[1]["times"]: w.writerow(["sleep", repr(t * 1e-308)])
# A benchmark whose runs are all 0 on one side (a broken timer), the other side real.
with open("csv_zero.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value"])
    for t in runs[0]["times"]: w.writerow(["sleep", "0"])
with open("csv_real.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["name", "value"])
    for t in runs[0]["times"]: w.writerow(["sleep", repr(t)])
PY
fi

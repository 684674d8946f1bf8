#!/usr/bin/env bash
# Produces the bench-diff input fixtures with the real tools, then the expected samples.
#
# Run from this folder: bash generate.sh
# Needs (Debian 12): hyperfine, g++ + libbenchmark-dev, golang-go, python3 + pyperf (pip),
# cargo + librust-criterion-dev (the crate from Debian's local registry, no network).
# Each tool runs twice: a "base" build and a "new" build in which one benchmark is slower.
# Outputs (committed): hyperfine_{base,new}.json, gbench_{base,new}.json, go_{base,new}.txt,
# pyperf_{base,new}.json, criterion_{base,new}/<id>/new/{sample,benchmark}.json.
# The hand-written fixtures (cargo_criterion_*.jsonl, csv_*.csv) follow the tools' documented
# schemas; expected.py then extracts every file's samples with Python's json/csv modules into
# expected.json, the independent reference the Swift parsers are tested against.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# hyperfine: real commands, seconds.
# --command-name gives both runs the same benchmark names; "sleep" is twice as long in "new".
hyperfine -N --warmup 2 --runs 10 --export-json hyperfine_base.json \
  -n sleep 'sleep 0.01' -n python 'python3 -c pass' >/dev/null
hyperfine -N --warmup 2 --runs 10 --export-json hyperfine_new.json \
  -n sleep 'sleep 0.02' -n python 'python3 -c pass' >/dev/null

# Google Benchmark: 6 repetitions (aggregates are written too and must be ignored). The source is
# shared with ../benchmarks; COUNTERS=0 builds this folder's variant (no throughput counters).
for v in 0 1; do
  g++ -O2 -DVARIANT=$v -DCOUNTERS=0 ../benchmarks/tools/gbench/bench.cc -o "$work/gbench$v" \
    -lbenchmark -lpthread
done
"$work/gbench0" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
  --benchmark_format=json --benchmark_out=gbench_base.json --benchmark_out_format=json >/dev/null
"$work/gbench1" --benchmark_repetitions=6 --benchmark_min_time=0.01 \
  --benchmark_format=json --benchmark_out=gbench_new.json --benchmark_out_format=json >/dev/null

# Go: -count 6 runs of each benchmark.
cp -r tools/gobench "$work/gobench"
(cd "$work/gobench" && GOFLAGS=-mod=mod GOCACHE="$work/gocache" go test -run '^$' -bench . \
  -benchtime 2000x -count 6 >"$here/go_base.txt")
(cd "$work/gobench" && GOFLAGS=-mod=mod GOCACHE="$work/gocache" go test -tags slow -run '^$' \
  -bench . -benchtime 2000x -count 6 >"$here/go_new.txt")

# pyperf: --fast (fewer processes), values in seconds.
rm -f pyperf_base.json pyperf_new.json
VARIANT=0 python3 tools/pyperf/bench.py --fast --quiet -o pyperf_base.json
VARIANT=1 python3 tools/pyperf/bench.py --fast --quiet -o pyperf_new.json

# criterion 0.3 from Debian's crate registry; the project is shared with ../benchmarks, and
# THROUGHPUT=0 runs this folder's variant (a plain "sum" benchmark, no throughput group).
. "$here/../benchmarks/tools/cargo-offline.sh"
cargo_offline_project ../benchmarks/tools/criterion "$work/criterion"
for side in base new; do
  v=0; [ "$side" = new ] && v=1
  rm -rf "$work/criterion/target/criterion"
  (cd "$work/criterion" && THROUGHPUT=0 VARIANT=$v cargo bench --quiet --bench fib -- --noplot \
    >/dev/null 2>&1)
  rm -rf "criterion_$side"
  mkdir -p "criterion_$side"
  for d in "$work/criterion/target/criterion"/*/; do
    id="$(basename "$d")"
    [ "$id" = report ] && continue
    mkdir -p "criterion_$side/$id/new"
    cp "$d/new/sample.json" "$d/new/benchmark.json" "criterion_$side/$id/new/"
  done
done

python3 expected.py
echo "fixtures written"

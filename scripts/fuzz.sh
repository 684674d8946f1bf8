#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz (one per input parser) and runs each for a bounded
# time, starting from its committed seed corpus Tests/Fuzz/Corpus/<target>/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 20 s each, every target)
#
# Prints one line per target (executions, coverage, corpus size) and exits 1 if any target
# crashed, trapped, leaked past the memory limit or took longer than FUZZ_TIMEOUT seconds
# (default 10) on one input; the reproducer is then in .build-fuzz/artifacts/ and the log in
# .build-fuzz/logs/. New corpus entries go to .build-fuzz/corpus/<target>/ (not committed; see
# Tests/Fuzz/README.md for a longer run and for merging them into the committed corpus).
# Needs a toolchain with libFuzzer (the swift.org Linux toolchains); FUZZ_SKIP_BUILD=1 reuses
# the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-20}
shift || true
scratch=$root/.build-fuzz
flags=(-c release --sanitize=fuzzer --sanitize=address
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
  --package-path Tests/Fuzz/ResampleFuzz --scratch-path "$scratch")
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for d in Tests/Fuzz/ResampleFuzz/Sources/*/; do targets+=("$(basename "$d")"); done
fi

start=$(date +%s)
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  echo "== fuzz: building ${#targets[@]} targets ==" >&2
  swift build "${flags[@]}" 2>&1 | grep -E 'error|warning: unre|Compiling|Build' | grep -v 'Cannot export local symbol' >&2 || true
  swift build "${flags[@]}" >/dev/null 2>&1 || { swift build "${flags[@]}"; exit 1; }
fi
bin=$(swift build "${flags[@]}" --show-bin-path)
built=$(date +%s)

mkdir -p "$scratch/logs" "$scratch/artifacts"
failed=()
total_execs=0
for t in "${targets[@]}"; do
  work=$scratch/corpus/$t
  mkdir -p "$work"
  log=$scratch/logs/$t.log
  rc=0
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
    "$bin/$t" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$t-" \
    "$work" "Tests/Fuzz/Corpus/$t" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(find "$work" -type f | wc -l)
  total_execs=$((total_execs + ${execs:-0}))
  printf '%-20s %10s execs  %4ss  cov %-6s new corpus %-5s rc %s\n' \
    "$t" "${execs:-?}" "$seconds" "${cov:-?}" "$corpus" "$rc"
  if [ "$rc" != 0 ]; then
    failed+=("$t")
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|timeout|out-of-memory' "$log" | head -20 >&2
    echo "  (full log: $log)" >&2
  fi
done
end=$(date +%s)
echo "fuzz: ${#targets[@]} targets, $total_execs executions, $((end - built)) s fuzzing, $((built - start)) s build" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproducers in $scratch/artifacts/)" >&2
  exit 1
fi

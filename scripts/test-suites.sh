#!/usr/bin/env bash
# Builds and runs every Swift test in two passes, so that each test runs exactly once:
#   1. everything except the tests tagged `.statistical` (Sources/_TestSupport/Traits.swift), in
#      debug (assertions and overflow checks on);
#   2. the `.statistical` tests (coverage, level under the null, family-wise error, large
#      simulations), in the configuration STATISTICAL_CONFIG names (default: debug, see below).
# The two passes use complementary filters (--filter R / --skip R), so every test runs in one.
# R comes from scripts/statistical-tests.sh (Swift 6.3's `swift test` cannot filter by tag).
#
# Why debug by default: the tagged tests take about 55 CPU-seconds in debug on the 2-core CI
# machine, while a release build of the package and its tests (with -enable-testing, so it cannot
# share the notebooks' plain release build) takes minutes. Set STATISTICAL_CONFIG=release to run
# them optimised (e.g. where a release test build is cached).
set -euo pipefail
cd "$(dirname "$0")/.."
config="${STATISTICAL_CONFIG:-debug}"

pattern=$(scripts/statistical-tests.sh)

echo "== swift build (debug) ==" >&2
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
swift build --build-tests >/dev/null
echo "== swift test (debug, all but .statistical) ==" >&2
swift test --skip-build --disable-xctest --skip "$pattern"
if [ "$config" = release ]; then
  echo "== swift build (release) ==" >&2
  # @testable imports need -enable-testing, which `-c release` leaves off.
  swift build -c release --build-tests -Xswiftc -enable-testing 2>&1 \
    | grep -vE '^\[[0-9]+/[0-9]+\]' || true
  swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
fi
echo "== swift test ($config, .statistical) ==" >&2
swift test -c "$config" --skip-build --disable-xctest -Xswiftc -enable-testing --filter "$pattern"

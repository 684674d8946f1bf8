#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every Swift test, then executes
# every notebook headless. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== swift build ==" >&2
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
swift build --build-tests >/dev/null
echo "== swift test ==" >&2
swift test --skip-build --disable-xctest
scripts/sanitize.sh thread # issue 16: TSan over the resampling, random-stream, contingency tests
scripts/fuzz.sh 20 # issue 16: every parser's libFuzzer target for 20 s (Tests/Fuzz/README.md)
if ls Notebooks/*.ipynb >/dev/null 2>&1; then
  echo "== notebooks ==" >&2
  scripts/run-notebooks.sh
fi

#!/usr/bin/env bash
# Prints a `swift test --filter/--skip` pattern matching the tests tagged `.statistical`
# (Sources/_TestSupport/Traits.swift): Swift 6.3's `swift test` cannot filter by tag
# (`--filter tag:…` arrives in a later release), so the pattern is built from the names of the
# functions the tag is attached to. Used by test-suites.sh and sanitize.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
names=$(awk '/\.tags\([^)]*\.statistical/ { want = 1 }
  want && match($0, /func [A-Za-z0-9_]+/) { print substr($0, RSTART + 5, RLENGTH - 5); want = 0 }' \
  $(grep -rl --include='*.swift' '\.statistical' Tests) | sort -u | paste -sd'|' -)
if [ -z "$names" ]; then
  echo "no .statistical tests found" >&2
  exit 1
fi
printf '%s\n' "[./](${names})\\("

#!/usr/bin/env bash
# The main job on the embedded example data: installs what is missing, builds the release CLI,
# and runs it on the Ardour 2013 survey figures (61 % vs 43 % with n = 156 in total).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product resample >&2
bin=.build/release/resample
if "$bin" help compare >/dev/null 2>&1; then
  exec "$bin" compare "$@"
fi
# Until `resample compare` lands: the same question asked with the classical commands, for the
# illustrative equal-ish split 50/82 (61.0 %) vs 32/74 (43.2 %).
echo "== Fisher exact test, 50/82 vs 32/74 (61 % vs 43 %) =="
"$bin" fisher --table "50,32;32,42" "$@" 2>/dev/null || "$bin" doctor

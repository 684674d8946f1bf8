#!/usr/bin/env bash
# The main job on the embedded example data: installs what is missing, builds the release CLI,
# and runs `resample compare` on the Ardour 2013 survey figures (61 % vs 43 %, n = 156 in total;
# segment sizes unpublished). Extra arguments are passed on (e.g. --seed 2013, --plot out.svg,
# --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product resample >&2
exec .build/release/resample compare "$@"

#!/usr/bin/env bash
# W1-W7 side by side: SciPy/numpy and R against resample (library and CLI), alternating runs in
# one invocation; writes Benchmarks/RESULTS.md (date, machine, BLAS kernels, both sides' results).
#
#   scripts/bench-peers.sh                      everything, 5 pairs per comparison (W7: 3), ~30 min
#   scripts/bench-peers.sh --pairs 3 --only W4,W6 --output /tmp/r.md
#
# Installs what is missing: apt r-base-core r-cran-boot r-cran-survey (plus the build's own
# packages), and a virtual environment .venv-peers with the pinned numpy/scipy of
# Benchmarks/peers/requirements.txt. Writes W7's data (~150 MB, Benchmarks/peers/make_w7.py) into
# Benchmarks/.build/peers-data when it is missing or the generator or numpy changed.
# Builds the release CLI (root package) and resample-runner (Benchmarks package, scratch path
# Benchmarks/.build). Method and workloads: Benchmarks/peers/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh r-base-core r-cran-boot r-cran-survey

venv="$root/.venv-peers"
req="$root/Benchmarks/peers/requirements.txt"
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "installing the Python peers into .venv-peers" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$stamp"
fi

w7="$root/Benchmarks/.build/peers-data/w7.csv"
w7_want=$( (sha256sum Benchmarks/peers/make_w7.py | cut -d' ' -f1
            "$venv/bin/python" -c 'import numpy; print(numpy.__version__)') | sha256sum | cut -d' ' -f1)
if [ ! -f "$w7" ] || [ "$(cat "$w7.sha256" 2>/dev/null || true)" != "$w7_want" ]; then
  echo "writing the W7 data (Benchmarks/peers/make_w7.py)" >&2
  "$venv/bin/python" Benchmarks/peers/make_w7.py "$w7"
  echo "$w7_want" > "$w7.sha256"
fi

echo "building release binaries" >&2
swift build -c release --product resample >&2
swift build -c release --product resample-runner --package-path Benchmarks \
  --scratch-path Benchmarks/.build >&2

exec "$venv/bin/python" Benchmarks/peers/bench_peers.py \
  --python "$venv/bin/python" \
  --runner "$root/Benchmarks/.build/release/resample-runner" \
  --cli "$root/.build/release/resample" \
  --json "$root/Benchmarks/.build/peers-raw.json" \
  "$@"

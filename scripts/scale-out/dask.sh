#!/usr/bin/env bash
# The shards of a simulation study on a Dask cluster; their merge must equal the single-process run
# byte for byte (issue 15, item 5). Executes Notebooks/scale-out.ipynb headless, which
#   - starts a dask.distributed LocalCluster with two worker processes (loopback only),
#   - runs each shard `resample simulate --shard I/K --output PART.json` as one task,
#   - merges the parts in the client with `resample merge` and asserts equality with
#     `resample simulate --format json`.
#
#   scripts/scale-out/dask.sh             4 shards of Tests/Fixtures/simulation/study.toml
#   SHARDS=8 scripts/scale-out/dask.sh
#
# Python packages come from Notebooks/requirements.txt (dask[distributed] pinned) in .venv-nb, the
# CLI from RESAMPLE_BIN or this checkout's release build: both as scripts/run-notebooks.sh does.
# Exit status 0 only when the notebook ran without error (so the parts merged identically).
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${SHARDS:-4}" in '' | *[!0-9]* | 0) echo "SHARDS must be a positive integer, got '${SHARDS:-}'" >&2; exit 64 ;; esac
export SHARDS="${SHARDS:-4}"
exec scripts/run-notebooks.sh Notebooks/scale-out.ipynb

#!/usr/bin/env bash
# Executes every Notebooks/*.ipynb headless (nbclient, Python kernel) and fails if any cell errors.
#
#   scripts/run-notebooks.sh                 execute all; the committed files are not modified
#   scripts/run-notebooks.sh --update        execute all and write the outputs back in place
#   scripts/run-notebooks.sh [--update] Notebooks/a.ipynb ...   only these
#
# Creates (or reuses) the virtual environment .venv-nb with the pinned Notebooks/requirements.txt,
# builds the release CLI when it is missing or older than the sources, and exports RESAMPLE_BIN
# (and puts .build/release on PATH) so the notebooks call this checkout's `resample` (an
# executable RESAMPLE_BIN already set by the caller is used instead).
# Closing line: "N passed, M failed"; exit status 1 when any notebook failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

update=0
files=()
for arg in "$@"; do
  case "$arg" in
    --update) update=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) files+=("$arg") ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(Notebooks/*.ipynb)
  shopt -u nullglob
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "no notebooks found under Notebooks/" >&2
  echo "0 passed, 0 failed"
  exit 0
fi

# --- Python environment (only installs when something is missing or the pins changed) ---
venv="$root/.venv-nb"
req="$root/Notebooks/requirements.txt"
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv" >&2
  python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "installing pinned notebook requirements into .venv-nb" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$stamp"
fi

# --- the CLI under test ---
# shellcheck source=scripts/resample-bin.sh
. scripts/resample-bin.sh
export PATH="$(dirname "$bin"):$PATH"
# Keep BLAS single-threaded inside the kernel's own numpy/scipy work: the notebooks are small.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

exec "$venv/bin/python" - "$update" "${files[@]}" <<'PY'
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

update = sys.argv[1] == "1"
paths = sys.argv[2:]
passed = failed = 0
for path in paths:
  started = time.monotonic()
  try:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(path) or "."}})
    client.execute()
  except (CellExecutionError, CellTimeoutError) as error:
    failed += 1
    print(f"FAIL {path} ({time.monotonic() - started:.1f} s)\n{error}", flush=True)
    continue
  except Exception as error:  # kernel died, bad notebook JSON, ...
    failed += 1
    print(f"FAIL {path}: {type(error).__name__}: {error}", flush=True)
    continue
  passed += 1
  print(f"ok   {path} ({time.monotonic() - started:.1f} s)", flush=True)
  if update:
    nbformat.write(nb, path)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY

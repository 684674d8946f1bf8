#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every Swift test, then executes
# every notebook headless, then runs a simulation study's shards on real Slurm and Dask clusters.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/lint.sh
scripts/test-suites.sh  # all Swift tests: the .statistical ones in their own pass
scripts/sanitize.sh thread # issue 16: TSan over the resampling, random-stream, contingency tests
# issue 16: ASan over the same tests but the long .statistical simulations (~3 min build, ~1 min
# tests); the parsers run under ASan in fuzz.sh.
SANITIZE_SKIP_STATISTICAL=1 scripts/sanitize.sh address
scripts/fuzz.sh 20 # issue 16: every parser's libFuzzer target for 20 s (Tests/Fuzz/README.md)
# Every notebook but scale-out.ipynb, which scripts/scale-out/dask.sh below executes (once).
notebooks=()
for nb in Notebooks/*.ipynb; do
  [ -e "$nb" ] && [ "$nb" != Notebooks/scale-out.ipynb ] && notebooks+=("$nb")
done
if [ ${#notebooks[@]} -gt 0 ]; then
  echo "== notebooks ==" >&2
  scripts/run-notebooks.sh "${notebooks[@]}"
fi
# issue 15: the shards of a study on a single-node Slurm (job array) and on a Dask LocalCluster;
# each script exits non-zero unless the merged parts equal the single run byte for byte.
echo "== scale-out: Slurm job array, then Dask cluster (merged shards == single run) ==" >&2
scripts/scale-out/slurm.sh
scripts/scale-out/dask.sh

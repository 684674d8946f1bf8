#!/usr/bin/env bash
# Sourced by scripts/run-notebooks.sh and the scale-out scripts: sets and exports RESAMPLE_BIN
# (and `bin`) to the absolute path of the CLI under test.
# An executable RESAMPLE_BIN from the caller is used as it is; otherwise this checkout's
# .build/release/resample, built (swift build -c release --product resample) only when it is
# missing or older than the sources.
# Expects the working directory to be the repository root.
if [ -n "${RESAMPLE_BIN:-}" ] && [ -x "$RESAMPLE_BIN" ]; then
  bin=$(cd "$(dirname "$RESAMPLE_BIN")" && pwd)/$(basename "$RESAMPLE_BIN")
else
  bin="$(pwd)/.build/release/resample"
  newest_source=$(find Sources Package.swift -type f -newer "$bin" -print -quit 2>/dev/null || true)
  if [ ! -x "$bin" ] || [ -n "$newest_source" ]; then
    echo "building the release CLI (swift build -c release --product resample)" >&2
    swift build -c release --product resample >&2
  fi
fi
export RESAMPLE_BIN="$bin"

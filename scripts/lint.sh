#!/usr/bin/env bash
# The formatter as a check: fails (non-zero, with file:line diagnostics) when any Swift file in
# Sources, Tests, Benchmarks or Package.swift differs from what `swift format` (config
# .swift-format) would write. Fix with:
#   swift format --in-place --recursive Sources Tests Benchmarks Package.swift
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== swift format lint ==" >&2
swift format lint --strict --recursive --parallel Sources Tests Benchmarks/Benchmarks \
  Benchmarks/Sources Benchmarks/Package.swift Package.swift

#!/usr/bin/env bash
# Installs the system packages the build and tests need, only when they are missing.
#   libopenblas-dev liblapacke-dev : BLAS/LAPACK for the LinearAlgebra module (always)
#   hyperfine                      : the bench-diff end-to-end test times real commands
#   libsqlite3-dev                 : SQLite for GRDB.swift (`simulate --checkpoint`)
#   libreadstat-dev                : ReadStat for StatisticalFiles (`--data` .sav/.zsav/.dta/.sas7bdat)
# Extra packages can be named as arguments (e.g. r-base-core r-cran-boot for regenerating fixtures).
set -euo pipefail
pkgs=(libopenblas-dev liblapacke-dev hyperfine libsqlite3-dev libreadstat-dev "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

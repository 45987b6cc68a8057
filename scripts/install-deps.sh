#!/usr/bin/env bash
# Installs the Debian packages mathcheck builds against, when they are missing:
# GMP (integers), MPFR (correctly rounded reals) and FLINT (primality proofs, elliptic-curve factoring); and
# PARI/GP, the tests' independent oracle: the phrasing generator's values and the third computation of
# scripts/test-step-labels.sh.
set -euo pipefail
packages=(libgmp-dev libmpfr-dev libflint-dev pkg-config pari-gp)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

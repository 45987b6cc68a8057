#!/usr/bin/env bash
# Installs what a build with --static-swift-stdlib links against beyond install-deps.sh: libcurl's development files
# (the static Foundation networking library in the Swift runtime refers to libcurl; the binary then links the
# system's libcurl.so.4 dynamically, like every other system library).
set -euo pipefail
"$(dirname "$0")/install-deps.sh"
packages=(libcurl4-openssl-dev)
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

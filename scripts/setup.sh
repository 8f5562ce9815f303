#!/usr/bin/env bash
# Installs what kessan needs to build and test, from Debian's packages.
# Run as root (or with sudo) on Debian 12. Set KESSAN_SKIP_APT=1 to skip.
set -euo pipefail
[ "${KESSAN_SKIP_APT:-0}" = 1 ] && exit 0
packages=(
  build-essential cmake ninja-build g++ pkg-config
  libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libcmark-dev
  libgtest-dev googletest
  ledger hledger python3 time
  clang libfuzzer-14-dev  # the fuzz build (docs/fuzzing.md)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

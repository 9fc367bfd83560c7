#!/usr/bin/env bash
# Sets up careerstat on Debian 12 (as root): installs the Debian packages that are missing,
# configures and builds into build/. Idempotent and fast when nothing changed.
#   scripts/setup.sh            build dependencies only
#   scripts/setup.sh --peers    also the programs some tests and benchmarks compare with
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make libcli11-dev libfccp-dev libboost-math-dev libfmt-dev doctest-dev
          libtomlplusplus-dev libeigen3-dev libxlsxwriter-dev
          libreadstat-dev libzip-dev libexpat1-dev
          help2man dpkg-dev file) # the man page and `cpack`'s .deb (cmake/Packaging.cmake)
if [ "${1:-}" = "--peers" ]; then
  # LibreOffice opens our CSV in a test; PSPP, R, Miller and hyperfine are bench peers.
  packages+=(libreoffice-calc-nogui pspp r-base-core r-cran-survey miller hyperfine time)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j2 >/dev/null

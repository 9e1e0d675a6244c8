#!/usr/bin/env bash
# One idempotent install step for `make demo` and `make test` (issue 2): installs only what is missing,
# and takes a few seconds when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# chromium: the dashboard's browser tests drive Debian's chromium (a browser download is impossible here).
# fonts-wqy-zenhei: a CJK font, so the door display and dashboard screenshots show Chinese instead of boxes.
# cmake, g++, libgtest-dev: the door sign's firmware logic is tested on the host (`make hardware-test`, issue 6 item 5);
# libgtest-dev ships GoogleTest prebuilt with its CMake package config, so nothing is downloaded at build time.
# zlib1g-dev (with g++'s gcc as the linker): the probe is published as a native executable (decision 0018).
for pkg in ffmpeg mosquitto libmosquitto1 influxdb chromium fonts-wqy-zenhei cmake g++ zlib1g-dev libgtest-dev ${LIVEROOM_EXTRA_PKGS:-}; do
  have_pkg "$pkg" || need_pkgs+=("$pkg")
done
# node and npm: the dashboard's npm packages (npm ci below), and Probe.Tests runs the dashboard's checklist-words.js under
# node. Checked as commands: a node installed another way (NodeSource, nvm) is used as it is.
have_cmd node || need_pkgs+=(nodejs)
have_cmd npm || need_pkgs+=(npm)

if ((${#need_pkgs[@]})); then
  echo "install: Debian packages missing: ${need_pkgs[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  # The packaged services must not start on the default ports: tests and the demo run their own copies.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

for prog in ffmpeg ffprobe mosquitto influxd cmake g++; do
  if ! have_cmd "$prog" && [ ! -x "/usr/sbin/$prog" ]; then
    echo "install: '$prog' is still missing after installing packages; install it and retry" >&2
    exit 1
  fi
done

if [ ! -e /usr/lib/x86_64-linux-gnu/libmosquitto.so.1 ] && ! ldconfig -p | grep -q 'libmosquitto.so.1'; then
  echo "install: libmosquitto.so.1 not found (Debian package libmosquitto1)" >&2
  exit 1
fi

# .NET restore: skipped when no project file changed since the last restore.
stamp=obj/.restore-stamp
mkdir -p obj
if [ ! -e "$stamp" ] || [ -n "$(find . -name '*.csproj' -newer "$stamp" -o -name '*.props' -newer "$stamp" -o -name global.json -newer "$stamp" | grep -v '/obj/' | head -1)" ]; then
  echo "install: dotnet restore"
  dotnet restore LiveRoom.sln --nologo -v quiet
  touch "$stamp"
fi

# npm packages (dashboard charts), when the dashboard declares any.
# Also when package-lock.json changed since the last npm ci (npm writes node_modules/.package-lock.json).
if [ -f src/Dashboard/package.json ] && { [ ! -e src/Dashboard/node_modules/.package-lock.json ] \
     || [ src/Dashboard/package-lock.json -nt src/Dashboard/node_modules/.package-lock.json ]; }; then
  echo "install: npm ci (src/Dashboard)"
  (cd src/Dashboard && npm ci --no-audit --no-fund --silent)
fi

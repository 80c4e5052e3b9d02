#!/usr/bin/env bash
# Install the Debian packages the tests need, only those missing: `scripts/system-deps.sh rapper chromium ...`.
# Each argument is a command (or cjk-font); the table below names the package that provides it.
set -euo pipefail
# Virtuoso: Debian's virtuoso-opensource binaries only (-7-bin), not the metapackage's always-on system service.
declare -A PKG=( [rapper]=raptor2-utils [chromium]=chromium [virtuoso-t]=virtuoso-opensource-7-bin [isql-vt]=virtuoso-opensource-7-bin [setpriv]=util-linux [mount]=mount )
missing=()
for cmd in "$@"; do
  if [ "$cmd" = cjk-font ]; then   # not a command: a font with Chinese glyphs, for legible browser screenshots
    fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
    continue
  fi
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${PKG[$cmd]:-$cmd}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

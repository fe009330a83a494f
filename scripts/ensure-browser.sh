#!/usr/bin/env bash
# Makes sure a Chromium is there for web-test-runner and Playwright. Test tools cannot download their
# own browser on our machines, so we use Debian's package (TOOLCHAIN.md §2).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
echo "ensure-browser: installing Debian chromium (about a minute, once)"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >/dev/null
[ -x "$browser" ] || { echo "ensure-browser: $browser still missing after install" >&2; exit 1; }

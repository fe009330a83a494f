#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries (initdb, pg_ctl, postgres) are there for the store suites,
# which start a throw-away cluster of their own. Prints the bin directory on stdout.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "ensure-postgres: installing Debian postgresql (once)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >/dev/null
  bin="$(find_bin)"
fi
[ -x "$bin/initdb" ] || { echo "ensure-postgres: initdb not found" >&2; exit 1; }
echo "$bin"

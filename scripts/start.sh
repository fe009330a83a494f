#!/usr/bin/env bash
# `npm start`: builds what the demo serves (the element bundles, the packages), then runs the demo shop
# with server-kit and the ConnectPay sandbox on embedded defaults. It prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp); trap 'rm -f "$log"' EXIT
echo "pay-checkout: building (about 20 s the first time)…"
if ! npm run build >"$log" 2>&1; then
  cat "$log"; echo "pay-checkout: the build failed, see above" >&2; exit 1
fi
exec npm run start --silent -w @pay-checkout/demo

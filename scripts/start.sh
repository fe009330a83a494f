#!/usr/bin/env bash
# `npm start`: builds what the demo serves, then runs the demo shop with server-kit and the sandbox
# on embedded defaults. Before the demo exists, it runs the sandbox alone.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent >/dev/null
if [ -f demo/server.ts ]; then
  exec npm run start --silent -w @pay-checkout/demo
fi
exec npm run start --silent -w @pay-checkout/sandbox

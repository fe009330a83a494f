#!/usr/bin/env bash
# `npm test`: installs what the suites need, builds, runs every suite, and prints their sum as the
# last line, "N passed, N failed". Exits non-zero on any failure or on a suite that did not run.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -d); trap 'rm -rf "$log"' EXIT
pass=0; fail=0; rc=0
strip() { sed -r 's/\x1B\[[0-9;?]*[A-Za-z]//g'; }
note_missing() { echo "test: suite '$1' did not report results; counting it as failed"; fail=$((fail+1)); rc=1; }

bash scripts/ensure-browser.sh || { echo "0 passed, 1 failed"; exit 1; }
PG_BIN="$(bash scripts/ensure-postgres.sh)" || { echo "0 passed, 1 failed"; exit 1; }
export PG_BIN
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! npm run build >"$log/build.txt" 2>&1; then
  cat "$log/build.txt"; echo "0 passed, 1 failed"; exit 1
fi

# node:test suites (spec reporter: "ℹ pass N" / "ℹ fail N" / "ℹ cancelled N")
for ws in packages/contract packages/sandbox packages/server-kit packages/react demo; do
  [ -f "$ws/package.json" ] || continue
  name=$(basename "$ws")
  echo "── $name (node:test)"
  npm run test --silent -w "$ws" 2>&1 | tee "$log/$name.txt" || rc=1
  out=$(strip <"$log/$name.txt")
  p=$(awk '/^ℹ pass /{v=$3} END{print v}' <<<"$out")
  f=$(awk '/^ℹ fail /{v=$3} END{print v}' <<<"$out")
  c=$(awk '/^ℹ cancelled /{v=$3} END{print v+0}' <<<"$out")
  if [ -z "$p" ]; then note_missing "$name"; continue; fi
  pass=$((pass+p)); fail=$((fail+f+c))
done

# the consumer test: every published package packed and installed into a project outside the repo
# (tests/consumer/README.md); node:test spec reporter, like the suites above
if [ -f tests/consumer/setup.ts ]; then
  echo "── consumer (npm pack → temporary project)"
  npx tsx tests/consumer/setup.ts 2>&1 | tee "$log/consumer.txt" || rc=1
  out=$(strip <"$log/consumer.txt")
  p=$(awk '/^ℹ pass /{v=$3} END{print v}' <<<"$out")
  f=$(awk '/^ℹ fail /{v=$3} END{print v}' <<<"$out")
  c=$(awk '/^ℹ cancelled /{v=$3} END{print v+0}' <<<"$out")
  if [ -z "$p" ]; then note_missing consumer; else pass=$((pass+p)); fail=$((fail+f+c)); fi
fi

# the element: web-test-runner in Chromium ("… | N passed, N failed")
if [ -f packages/checkout-element/package.json ]; then
  echo "── checkout-element (web-test-runner)"
  npm run test --silent -w packages/checkout-element 2>&1 | tee "$log/wtr.txt" || rc=1
  last=$(strip <"$log/wtr.txt" | grep -oE '[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -n "$last" ]; then
    pass=$((pass+${last%% passed*})); f=${last#*, }; fail=$((fail+${f%% failed*}))
  else
    note_missing checkout-element
  fi
fi

# journeys: Playwright (json reporter → stats)
if [ -f e2e/package.json ]; then
  echo "── e2e (Playwright)"
  rm -f e2e/playwright-report/results.json
  npm run test --silent -w e2e 2>&1 | tee "$log/e2e.txt" || rc=1
  if [ -f e2e/playwright-report/results.json ]; then
    read -r p f < <(node -e 'const s=require("./e2e/playwright-report/results.json").stats;console.log(s.expected+s.flaky, s.unexpected)')
    pass=$((pass+p)); fail=$((fail+f))
  else
    note_missing e2e
  fi
fi

# @pay-checkout/testing's example: a merchant's CI as the package's README shows it (Playwright json → stats)
if [ -f packages/testing/package.json ]; then
  echo "── testing (Playwright example)"
  rm -f packages/testing/playwright-report/results.json
  npm run test --silent -w packages/testing 2>&1 | tee "$log/testing.txt" || rc=1
  if [ -f packages/testing/playwright-report/results.json ]; then
    read -r p f < <(node -e 'const s=require("./packages/testing/playwright-report/results.json").stats;console.log(s.expected+s.flaky, s.unexpected)')
    pass=$((pass+p)); fail=$((fail+f))
  else
    note_missing testing
  fi
fi

[ "$fail" -gt 0 ] && rc=1
echo "${pass} passed, ${fail} failed"
exit $rc

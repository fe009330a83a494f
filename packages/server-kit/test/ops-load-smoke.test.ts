import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const LOAD_RUN = fileURLToPath(new URL('../../../bench/load/run.ts', import.meta.url));

// The short smoke of the load and fault test (bench/load/run.ts --smoke): 20 shoppers for 10 s
// against two instances on PostgreSQL (one PGlite instance where PostgreSQL is not installed) behind a
// balancer, with 5 % 5xx, 0–3 s latency, duplicated and reordered notifications, and one instance
// SIGKILLed and restarted mid-run. The full run is `npm run bench:load -w @pay-checkout/bench`.
it('load smoke: no lost or double-applied transition, no second payment a shopper could reach, every stream final', {
  timeout: 180_000,
}, async () => {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', LOAD_RUN, '--smoke'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('{'));
  assert.ok(line, `a result line; stderr: ${err.slice(0, 2000)}`);
  const figures = JSON.parse(line) as Record<string, unknown>;
  assert.ok((figures.sessions as number) > 0, 'sessions were opened');
  assert.equal(figures.kills, 1, 'one instance was SIGKILLed mid-run');
  // A second provider payment nobody could reach (found by reference after a lost answer, no page for
  // the shopper, kept and watched: bench/load/duplicates.ts) is reported with its cause from the kit's
  // ledger; a reachable one, an order charged twice or a second payment the ledger does not explain fails.
  const causes = Object.keys(figures.unreachableByCause as Record<string, number>);
  assert.deepEqual(
    {
      lost: figures.lost,
      doubleApplied: figures.doubleApplied,
      reachableDuplicatePayments: figures.reachableDuplicatePayments,
      chargedTwice: figures.chargedTwice,
      unexplainedCauses: causes.filter((cause) => cause !== 'abandoned_no_shopper_page'),
      streamsWithoutFinal: figures.streamsWithoutFinal,
    },
    {
      lost: 0,
      doubleApplied: 0,
      reachableDuplicatePayments: 0,
      chargedTwice: 0,
      unexplainedCauses: [],
      streamsWithoutFinal: 0,
    },
    `${line}\n${err.slice(0, 2000)}`,
  );
  assert.equal(
    figures.duplicateProviderPayments,
    (figures.reachableDuplicatePayments as number) + (figures.unreachableDuplicatePayments as number),
  );
  assert.equal(code, 0);
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const LOAD_RUN = fileURLToPath(new URL('../../../bench/load/run.ts', import.meta.url));

// The short smoke of the load and fault test (bench/load/run.ts --smoke): 20 shoppers for 10 s
// against two instances on PostgreSQL (one PGlite instance where PostgreSQL is not installed) behind a
// balancer, with 5 % 5xx, 0–3 s latency, duplicated and reordered notifications, and one instance
// SIGKILLed and restarted mid-run. The full run is `npm run bench:load -w @pay-checkout/bench`.
it('load smoke: no lost or double-applied transition, one provider payment per order, every stream final', {
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
  assert.deepEqual(
    {
      lost: figures.lost,
      doubleApplied: figures.doubleApplied,
      duplicateProviderPayments: figures.duplicateProviderPayments,
      streamsWithoutFinal: figures.streamsWithoutFinal,
    },
    { lost: 0, doubleApplied: 0, duplicateProviderPayments: 0, streamsWithoutFinal: 0 },
    `${line}\n${err.slice(0, 2000)}`,
  );
  assert.equal(code, 0);
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** Runs `tsx src/cli.ts` with the given args and env; resolves with the first stdout line. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    const check = () => {
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  /** Resolves once `count` lines are out. */
  const lines = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (stdout.split('\n').length > count) resolve();
      };
      check();
      child.stdout.on('data', check);
    });
  return { child, firstLine, exited, lines, output: () => ({ stdout, stderr }) };
}

describe('pay-sandbox CLI', () => {
  it('prints the ConnectPay URL, serves it, and stops cleanly on SIGTERM', async () => {
    const run = runCli(['--port', '0']);
    const line = await run.firstLine;
    const match = /^pay-sandbox: ConnectPay stage on (http:\/\/127\.0\.0\.1:\d+\/connectpay)$/.exec(line);
    assert.ok(match, line);
    const knobs = await fetch(`${match[1]}/admin/knobs`);
    assert.equal(knobs.status, 200);
    run.child.kill('SIGTERM');
    const [code] = await run.exited;
    assert.equal(code, 0);
  });

  it("prints each stage's admin URL and where every stage is listed", async () => {
    const run = runCli(['--port', '0', '--providers', 'connectpay']);
    const base = /on (http:\/\/127\.0\.0\.1:\d+)\/connectpay$/.exec(await run.firstLine)?.[1];
    assert.ok(base);
    await run.lines(3);
    assert.deepEqual(run.output().stdout.trim().split('\n'), [
      `pay-sandbox: ConnectPay stage on ${base}/connectpay`,
      `pay-sandbox: ConnectPay admin API on ${base}/connectpay/admin (knobs, payments, notifications)`,
      `pay-sandbox: every stage is listed at ${base}/`,
    ]);
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it('stops cleanly on SIGINT', async () => {
    const run = runCli([], { PORT: '0' });
    await run.firstLine;
    run.child.kill('SIGINT');
    const [code] = await run.exited;
    assert.equal(code, 0);
  });

  it('takes --port over PORT', async () => {
    const run = runCli(['--port=0'], { PORT: 'not-a-port' });
    assert.match(await run.firstLine, /ConnectPay stage on http:\/\/127\.0\.0\.1:\d+\/connectpay/);
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it('exits 2 naming an unknown provider', async () => {
    const run = runCli(['--providers', 'connectpay,nope']);
    run.firstLine.catch(() => {});
    const [code] = await run.exited;
    assert.equal(code, 2);
    assert.match(run.output().stderr, /Unknown provider nope\.[\s\S]*--providers connectpay/);
  });

  it('exits 2 with a usage message for an unknown option', async () => {
    const run = runCli(['--colour', 'red']);
    run.firstLine.catch(() => {});
    const [code] = await run.exited;
    assert.equal(code, 2);
    assert.match(run.output().stderr, /Unknown option --colour[\s\S]*Usage: pay-sandbox/);
  });
});

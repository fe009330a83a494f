import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A demo of a spec's own (`npm run start -w @pay-checkout/demo`) on `port`, its sandbox on `port + 1`
 * and a fresh data directory, for journeys that need what the shared demo of playwright.config.ts does
 * not give: a merchant key they know, a provider setting, the kit's logs. It runs in its own process
 * group, so `stop()` ends npm, tsx and the demo together, and waits for that, so a next worker can take
 * the port at once.
 */
export interface OwnDemo {
  url: string;
  sandboxUrl: string;
  dataDir: string;
  /** Everything the demo printed (only with `captureOutput`). */
  logs(): string;
  stop(): Promise<void>;
}

export interface OwnDemoOptions {
  /** Names the demo in errors: "the orders demo did not become healthy…". */
  name: string;
  port: number;
  /** The demo's environment on top of ours; the ports, the data directory and the local sandbox are set. */
  env?: Record<string, string>;
  captureOutput?: boolean;
}

/** Up to two minutes to become healthy: the demo compiles on start, and the machine may be busy. */
const HEALTH_TRIES = 240;

export async function startOwnDemo(options: OwnDemoOptions): Promise<OwnDemo> {
  const { name, port } = options;
  const dataDir = await mkdtemp(join(tmpdir(), `pay-checkout-${name.replace(/\W+/g, '-')}-`));
  const child = spawn('npm', ['run', 'start', '-w', '@pay-checkout/demo'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(port + 1),
      PAY_CHECKOUT_DATA: dataDir,
      CONNECTPAY_BASE_URL: '',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: options.captureOutput ? ['ignore', 'pipe', 'pipe'] : 'ignore',
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, () => child.exitCode, name);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, sandboxUrl: `http://127.0.0.1:${port + 1}`, dataDir, logs: () => output, stop };
}

async function waitForHealth(url: string, exitCode: () => number | null, name: string): Promise<void> {
  for (let attempt = 0; attempt < HEALTH_TRIES; attempt++) {
    if (exitCode() !== null) throw new Error(`the ${name} demo exited with ${exitCode()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the ${name} demo did not become healthy at ${url}`);
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A demo of the pay.tech journeys' own, with a merchant key they know (the shared demo of
 * playwright.config.ts makes one up per run), on `port` and its sandbox on `port + 1`. Cards go to
 * pay.tech's sandbox test shop, pre-authorized (`PAYTECH_CAPTURE=manual`), so the back office captures.
 */
export interface PaytechDemo {
  url: string;
  sandboxUrl: string;
  stop(): void;
}

export async function startPaytechDemo(port: number, merchantKey: string): Promise<PaytechDemo> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pay-checkout-paytech-'));
  const child = spawn('npm', ['run', 'start', '-w', '@pay-checkout/demo'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(port + 1),
      PAY_CHECKOUT_DATA: dataDir,
      MERCHANT_KEY: merchantKey,
      CONNECTPAY_BASE_URL: '',
      PAYTECH_BASE_URL: '',
      PAYTECH_CAPTURE: 'manual',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const stop = () => {
    // our own process group: npm, tsx and the demo it runs
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, sandboxUrl: `http://127.0.0.1:${port + 1}`, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`the pay.tech demo exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the pay.tech demo did not become healthy at ${url}`);
}

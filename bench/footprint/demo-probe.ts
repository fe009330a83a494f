// The demo's footprint, for information (no budget): `npm start`'s process (the shop, server-kit and
// the ConnectPay sandbox in one process, run from TypeScript source by tsx) on a fresh PGlite
// directory; RSS once it answers its home page and a checkout `GET health`, after the settle time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { unusedPort } from '../../packages/server-kit/test/helpers/unused-port.js';
import { procMemoryMb } from './kit-probe.js';

export interface DemoFigures {
  /** Spawn → the home page answered 200 (the demo awaits `checkout.ready` before it says so). */
  firstAnswerMs: number;
  rssIdleMb: number;
}

export async function measureDemo(options: { dataDir: string; settleMs: number }): Promise<DemoFigures> {
  const port = await unusedPort();
  const root = fileURLToPath(new URL('../../demo/', import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(await unusedPort()),
      PAY_CHECKOUT_DATA: options.dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the demo exited (code ${child.exitCode})`);
      const status = await fetch(`http://127.0.0.1:${port}/`).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      );
      if (status === 200) break;
      await sleep(20);
    }
    const firstAnswerMs = Math.round(performance.now() - started);
    const health = await fetch(`http://127.0.0.1:${port}/checkout/health`);
    await health.arrayBuffer();
    await sleep(options.settleMs);
    return { firstAnswerMs, rssIdleMb: procMemoryMb(child.pid as number).rss };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

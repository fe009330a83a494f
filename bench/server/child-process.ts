import { type ChildProcess, fork } from 'node:child_process';
import type { SpanTotals } from './spans.js';

/** Messages a bench child sends to the load generator over the IPC channel. */
export type ChildMessage =
  | { type: 'ready'; url: string; connectPayUrl?: string; paytechUrl?: string }
  | { type: 'notification'; reference: string; status: string; arrivedAt: number }
  | { type: 'spans'; spans: SpanTotals };

export interface BenchChild {
  process: ChildProcess;
  ready: Extract<ChildMessage, { type: 'ready' }>;
  /** The child's timing spans since the last call (the kit process answers; see spans.ts). */
  takeSpans(): Promise<SpanTotals>;
  /** Asks the child to close its servers and waits for it to exit (killed after 5 s). */
  stop(): Promise<void>;
}

/**
 * Starts `file` (TypeScript, via tsx's loader, with the `source` export condition so the workspaces
 * run from src) in its own process and event loop, and waits for its `ready` message.
 */
export async function startChild(
  file: URL,
  env: Record<string, string>,
  onMessage: (message: ChildMessage) => void = () => undefined,
  extraExecArgv: string[] = [],
): Promise<BenchChild> {
  const child = fork(file, [], {
    execArgv: ['--conditions=source', '--import', 'tsx', ...extraExecArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file.pathname} exited early (code ${code})`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message);
      else onMessage(message);
    });
  });
  return {
    process: child,
    ready,
    takeSpans: () =>
      new Promise((resolve) => {
        const onSpans = (message: ChildMessage) => {
          if (message.type !== 'spans') return;
          child.off('message', onSpans);
          resolve(message.spans);
        };
        child.on('message', onSpans);
        child.send({ type: 'spans' });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In a child: runs `close` when the parent asks, or when the parent goes away. */
export function closeOnParentRequest(close: () => Promise<void>): void {
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void close().finally(() => {
      if (process.connected) process.disconnect();
    });
  };
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'close') shutdown();
  });
  process.on('disconnect', shutdown);
}

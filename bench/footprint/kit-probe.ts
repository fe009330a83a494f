// One measured start of a kit process (bench/footprint/run.ts): spawn, poll until the first answer,
// open one session, let it settle, read its RSS, open 100 more sessions, read it again, stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMs } from '../load/proc-stats.js';
import { SHOP_ORIGIN } from '../server/shop.js';

/** What one start of a kit process measured; times from spawn, memory in MB (VmRSS / VmHWM). */
export interface KitStartFigures {
  /** Spawn → the first `GET health` answered 200 (the store opened and migrated on the way). */
  firstHealthMs: number;
  /**
   * CPU time the process used (all its threads, user + system) until that first answer: what the start
   * costs, robust to a loaded machine where the wall time measures the queue for the cores.
   */
  cpuMsToFirstAnswer: number;
  /** Spawn → the first `POST sessions` answered 201 (a payment opened at the sandbox). */
  firstSessionMs: number;
  /** After the first request and the settle time. */
  rssIdleMb: number;
  /** After `sessions` more sessions and the settle time. */
  rssAfterSessionsMb: number;
  /** The peak resident set of the whole life of the process. */
  peakRssMb: number;
  sessions: number;
}

export interface KitStartOptions {
  /** The bundled kit-server.mjs. */
  file: string;
  env: Record<string, string>;
  port: number;
  sessions: number;
  settleMs: number;
  /** Extra node flags (e.g. `--cpu-prof`), for profiling runs. */
  execArgv?: string[];
}

/** Memory of a process from /proc/<pid>/status in MB: its threads (the PGlite worker) are inside. */
export function procMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export async function measureKitStart(options: KitStartOptions): Promise<KitStartFigures> {
  const base = `http://127.0.0.1:${options.port}/checkout`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.execArgv ?? []), options.file], {
    env: { ...process.env, ...options.env, PORT: String(options.port), PUBLIC_URL: base },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = once(child, 'exit');
  try {
    await firstAnswer(child, `${base}/health`);
    const firstHealthMs = performance.now() - started;
    const cpuMsToFirstAnswer = cpuMs(child.pid as number);
    await openSession(base, `first-${child.pid}`);
    const firstSessionMs = performance.now() - started;
    await sleep(options.settleMs);
    const pid = child.pid as number;
    const rssIdleMb = procMemoryMb(pid).rss;
    // Ten at a time: a shop's checkout traffic, not a load test (bench/load does that).
    for (let i = 0; i < options.sessions; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, options.sessions - i) }, (_, j) =>
          openSession(base, `more-${child.pid}-${i + j}`),
        ),
      );
    }
    await sleep(options.settleMs);
    const after = procMemoryMb(pid);
    return {
      firstHealthMs: Math.round(firstHealthMs),
      cpuMsToFirstAnswer,
      firstSessionMs: Math.round(firstSessionMs),
      rssIdleMb,
      rssAfterSessionsMb: after.rss,
      peakRssMb: after.peak,
      sessions: options.sessions,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Polls `url` every 5 ms until it answers 200; a refused connection means "not listening yet". */
async function firstAnswer(child: ChildProcess, url: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the kit exited (code ${child.exitCode}) before answering`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
      throw new Error(`GET health answered ${response.status}`);
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') throw error;
      await sleep(5);
    }
  }
}

async function openSession(base: string, order: string): Promise<void> {
  const response = await fetch(`${base}/sessions`, {
    method: 'POST',
    headers: {
      origin: SHOP_ORIGIN,
      'content-type': 'application/json',
      'idempotency-key': `footprint-${order}`,
    },
    body: JSON.stringify({ order: `fp-${order}`, method: 'card' }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST sessions answered ${response.status}: ${text}`);
}

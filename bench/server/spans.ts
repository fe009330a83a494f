import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Total time and count per named span, in one process, between two resets. */
export type SpanTotals = Record<string, { count: number; totalMs: number; meanMs: number }>;

/**
 * Timing spans for the kit process: how long the store and the provider adapter take per call, and
 * each route end to end, so a missed budget can be attributed without a profiler. Under concurrency a
 * span includes waiting (e.g. for PGlite's single connection), which is part of what it costs.
 */
export class SpanRecorder {
  private spans = new Map<string, { count: number; totalMs: number }>();
  private cpuSince = process.cpuUsage();
  private loopSince = performance.eventLoopUtilization();
  private threadsSince = threadCpuMs();

  add(name: string, ms: number): void {
    const span = this.spans.get(name) ?? { count: 0, totalMs: 0 };
    span.count++;
    span.totalMs += ms;
    this.spans.set(name, span);
  }

  /** The totals so far, then starts over. */
  take(): SpanTotals {
    // The process's CPU time (user + system, every thread) since the last take, and how long its
    // event loop was busy: with a request count, the cost per request of the whole process and of the
    // thread that serves HTTP (the rest is PGlite's worker and libuv's pool, which signs requests).
    const cpu = process.cpuUsage(this.cpuSince);
    this.cpuSince = process.cpuUsage();
    const loop = performance.eventLoopUtilization(this.loopSince);
    this.loopSince = performance.eventLoopUtilization();
    this.add('process cpu (user + system)', (cpu.user + cpu.system) / 1000);
    this.add('event loop busy', loop.active);
    // CPU by thread (Linux): the event loop's, the busiest other one's (PGlite's worker, which runs
    // the SQL) and the rest (libuv's pool, where ConnectPay's RSA signatures are computed, and V8's
    // GC helpers). Unlike the spans, these do not grow when the machine is busy with other work.
    const threads = threadCpuMs();
    if (threads.size > 0) {
      let main = 0;
      const others: number[] = [];
      for (const [tid, ms] of threads) {
        const used = ms - (this.threadsSince.get(tid) ?? 0);
        if (tid === process.pid) main = used;
        else others.push(used);
      }
      others.sort((a, b) => b - a);
      this.add('cpu: event loop thread', main);
      this.add('cpu: busiest other thread (PGlite worker)', others[0] ?? 0);
      this.add(
        'cpu: other threads (libuv pool, GC)',
        others.slice(1).reduce((sum, ms) => sum + ms, 0),
      );
    }
    this.threadsSince = threads;
    const out: SpanTotals = {};
    for (const [name, { count, totalMs }] of [...this.spans].sort((a, b) => b[1].totalMs - a[1].totalMs)) {
      out[name] = {
        count,
        totalMs: Math.round(totalMs),
        meanMs: Math.round((totalMs / count) * 1000) / 1000,
      };
    }
    this.spans = new Map();
    return out;
  }

  /** The same object, with each method call timed as `<prefix>.<method>` until its promise settles. */
  timed<T extends object>(target: T, prefix: string): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          const started = performance.now();
          const result = value.apply(object, args);
          if (result instanceof Promise) {
            const stop = () => this.add(`${prefix}.${property}`, performance.now() - started);
            result.then(stop, stop);
          }
          return result;
        };
      },
    });
  }
}

/** User + system CPU ms of each thread of this process, by thread id; empty where /proc is missing. */
function threadCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/** `getconf CLK_TCK` on Linux (the unit of /proc's utime and stime). */
const CLOCK_TICKS_PER_SECOND = 100;

import { Agent, request } from 'node:http';
import { round } from './stats.js';

/** What one request answered; the body is read fully so the keep-alive socket is reused. */
export interface HttpAnswer {
  status: number;
  body: string;
}

export interface PostTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A keep-alive pool for the load generator. node:http instead of `fetch` keeps the generator's own
 * cost per request low, so that on a 2-core machine the cores go to the servers being measured.
 */
export function createPool(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function post(agent: Agent, target: PostTarget): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      target.url,
      {
        method: 'POST',
        agent,
        headers: { ...target.headers, 'content-length': Buffer.byteLength(target.body).toString() },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

export interface LoadResult {
  /** Latency of each request in ms, in completion order. */
  latencies: number[];
  /** Requests completed per second of wall time for the whole phase. */
  requestsPerSecond: number;
  /** Answers that were not the expected status (counted, and the first one kept for the report). */
  failures: number;
  /**
   * Requests that got no answer at all (a reset or refused socket: ECONNRESET, ECONNREFUSED), by
   * error code; each also counts as a failure. The load goes on: one reset must not end a phase.
   */
  errors: Record<string, number>;
  firstFailure?: string;
}

/**
 * Sends exactly `count` requests with `concurrency` in flight (a fixed count, not a duration, so every
 * run does the same work). `makeTarget(i)` builds request i; `expected` is the status that counts as
 * a success.
 */
export async function runFixedLoad(options: {
  agent: Agent;
  count: number;
  concurrency: number;
  expected: number;
  makeTarget: (index: number) => PostTarget;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const errors: Record<string, number> = {};
  const started = performance.now();
  const worker = async () => {
    while (next < options.count) {
      const target = options.makeTarget(next++);
      const sent = performance.now();
      let answer: HttpAnswer;
      try {
        answer = await post(options.agent, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.name : 'error');
        errors[code] = (errors[code] ?? 0) + 1;
        failures++;
        firstFailure ??= `no answer: ${code}`;
        continue;
      }
      latencies.push(performance.now() - sent);
      if (answer.status !== options.expected) {
        failures++;
        firstFailure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, requestsPerSecond: round(options.count / seconds, 1), failures, firstFailure, errors };
}

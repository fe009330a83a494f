import { type ClientRequest, request } from 'node:http';

const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'expired']);

/**
 * A shopper's live status stream as a browser's EventSource keeps it: reconnects after an error or
 * an end without a final status (after the server's `retry:`), resuming with `Last-Event-ID`; stops at a
 * final status or when closed. Each status event is kept with the wall time it was read.
 */
/** One connection of a watch, for the run's report on streams that never saw their final status. */
export interface WatchAttempt {
  at: number;
  /** The instance that answered (the balancer's `x-upstream`). */
  upstream?: string;
  httpStatus?: number;
  events: number;
  /** How the connection ended: `end` (the server closed it), `error:<code>`, or `open`. */
  ended: string;
  endedAt?: number;
}

export class StatusWatch {
  readonly statuses: Array<{ status: string; at: number }> = [];
  readonly attempts: WatchAttempt[] = [];
  reconnects = 0;
  #lastId: string | undefined;
  #retryMs = 3000;
  #req: ClientRequest | undefined;
  #closed = false;
  #onFinal: Array<() => void> = [];

  constructor(private readonly url: string) {
    this.#connect();
  }

  get final(): { status: string; at: number } | undefined {
    return this.statuses.find((entry) => FINAL.has(entry.status));
  }

  /** Resolves true at the final status, false after `timeoutMs`. */
  waitFinal(timeoutMs: number): Promise<boolean> {
    if (this.final) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#onFinal.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    this.#closed = true;
    this.#req?.destroy();
  }

  #connect(): void {
    if (this.#closed) return;
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.#lastId !== undefined) headers['last-event-id'] = this.#lastId;
    let buffer = '';
    const attempt: WatchAttempt = { at: Date.now(), events: 0, ended: 'open' };
    this.attempts.push(attempt);
    const req = request(this.url, { agent: false, headers }, (res) => {
      attempt.httpStatus = res.statusCode;
      attempt.upstream = String(res.headers['x-upstream'] ?? '');
      res.on('error', (error: NodeJS.ErrnoException) => {
        attempt.ended = `error:${error.code ?? error.message}`;
      });
      if (res.statusCode !== 200) {
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          if (this.#parse(buffer.slice(0, i))) attempt.events++;
          buffer = buffer.slice(i + 2);
        }
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      attempt.ended = `error:${error.code ?? error.message}`;
    });
    req.on('close', () => {
      if (attempt.ended === 'open') attempt.ended = 'end';
      attempt.endedAt = Date.now();
      if (!this.#closed && !this.final) {
        this.reconnects++;
        setTimeout(() => this.#connect(), this.#retryMs).unref();
      }
    });
    req.end();
    this.#req = req;
  }

  /** Parses one event block; answers whether it carried a status. */
  #parse(block: string): boolean {
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith('retry:')) this.#retryMs = Number(line.slice(6).trim()) || this.#retryMs;
      else if (line.startsWith('id:')) this.#lastId = line.slice(3).trim();
      else if (line.startsWith('data:')) data = line.slice(5).trim();
    }
    if (data === undefined) return false;
    const status = (JSON.parse(data) as { status: string }).status;
    this.statuses.push({ status, at: Date.now() });
    if (FINAL.has(status)) {
      for (const wake of this.#onFinal.splice(0)) wake();
      this.close();
    }
    return true;
  }
}

/** Every status event of a session from the store (`Last-Event-ID: 0` replays them all). */
export async function replayStatuses(url: string, timeoutMs = 5000): Promise<string[]> {
  return (await replayEvents(url, timeoutMs)).map((event) => event.status);
}

/** Every status event of a session with the time the kit stored it. */
export function replayEvents(
  url: string,
  timeoutMs = 5000,
): Promise<Array<{ status: string; updatedAt: string }>> {
  return new Promise((resolve) => {
    const statuses: Array<{ status: string; updatedAt: string }> = [];
    let buffer = '';
    const req = request(url, { agent: false, headers: { 'last-event-id': '0' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, i)
            .split('\n')
            .find((line) => line.startsWith('data:'));
          if (data) statuses.push(JSON.parse(data.slice(5)) as { status: string; updatedAt: string });
          buffer = buffer.slice(i + 2);
        }
      });
      res.on('end', () => resolve(statuses));
    });
    req.on('error', () => resolve(statuses));
    setTimeout(() => {
      req.destroy();
      resolve(statuses);
    }, timeoutMs).unref();
    req.end();
  });
}

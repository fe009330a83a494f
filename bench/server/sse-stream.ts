import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { wallNow } from './stats.js';

/** One `status` event as the load generator read it, stamped the moment its block was parsed. */
export interface ReadEvent {
  event: string;
  data: string;
  readAt: number;
}

/**
 * `GET sessions/:id/events` over its own socket (node:http, no fetch: fewer layers between the socket
 * and the stamp). Events are queued; `next()` waits for the next one, with a deadline.
 */
export class SseStream {
  private readonly queue: ReadEvent[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;

  private constructor(
    private readonly req: ClientRequest,
    response: IncomingMessage,
  ) {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      for (let index = buffer.indexOf('\n\n'); index >= 0; index = buffer.indexOf('\n\n')) {
        this.parse(buffer.slice(0, index));
        buffer = buffer.slice(index + 2);
      }
    });
    const finish = () => {
      this.ended = true;
      this.waiter?.();
    };
    response.on('end', finish);
    response.on('error', finish);
    response.on('close', finish);
  }

  static open(url: string): Promise<SseStream> {
    return new Promise((resolve, reject) => {
      const req = request(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`SSE ${url} answered ${response.statusCode}`));
          return;
        }
        resolve(new SseStream(req, response));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async next(timeoutMs: number): Promise<ReadEvent> {
    const deadline = performance.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.ended) throw new Error('the SSE stream ended before the next event');
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no SSE event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return this.queue.shift() as ReadEvent;
  }

  close(): void {
    this.req.destroy();
  }

  private parse(block: string): void {
    const readAt = wallNow();
    let event = 'message';
    let data = '';
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) {
        data += line.slice(5).trim();
        hasData = true;
      }
    }
    if (!hasData) return; // retry: and : ping blocks
    this.queue.push({ event, data, readAt });
    this.waiter?.();
  }
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notification as the merchant's endpoint received it. */
export interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: { payment: { paymentId: string; status: string; statusReason?: string } };
  answeredWith: number;
}

/**
 * A merchant's notification endpoint on 127.0.0.1: records every POST and answers with the next status of
 * `answers` (then 200). `waitFor(n)` resolves once n notifications arrived (event-driven, no polling).
 */
export async function startReceiver(answers: number[] = []) {
  const received: Received[] = [];
  const queue = [...answers];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const status = queue.shift() ?? 200;
      received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody), answeredWith: status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'OK' : 'nope');
      for (const waiter of waiters.filter((item) => received.length >= item.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notifications`,
    received,
    waitFor: (count: number) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

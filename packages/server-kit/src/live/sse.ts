import { isFinalStatus, type SessionView, STATUS_EVENT } from '@pay-checkout/contract';
import { eventView } from '../sessions/view.js';
import type { CheckoutStore } from '../store/store.js';
import type { LiveBus } from './bus.js';

/** How long a browser waits before reconnecting (the SSE `retry:` field). */
const RETRY_MS = 3000;

/**
 * Ends one open stream. With `retryMs` (the kit is shutting down) the stream's last bytes are a
 * `retry:` field, so the browser reconnects after that delay, through the load balancer, to an
 * instance that is still serving, and resumes with `Last-Event-ID`.
 */
export type EndStream = (retryMs?: number) => void;

export interface StatusStreamOptions {
  store: CheckoutStore;
  bus: LiveBus;
  sessionId: string;
  /** From `Last-Event-ID`: replay the events after it instead of sending the current state. */
  lastEventId?: number;
  heartbeatMs: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /** Open streams of the kit, so `close()` can end them. */
  registry: Set<EndStream>;
  /** Called once when the stream ends, however it ends (frees its slot in `StreamLimits`). */
  onClose?: () => void;
  onError: (error: unknown) => void;
}

/**
 * `GET sessions/:id/events` (WHATWG HTML, Server-sent events): `retry:`, then the current state
 * (or, with `Last-Event-ID`, every event since), then each change as `id: <event id>`,
 * `event: status`, `data: <SessionView>`; `: ping` comments as heartbeats so proxies keep the
 * connection; the stream ends after a final status. The listener is registered before the first read
 * so no change can fall between reading the state and listening.
 */
export function statusStreamResponse(options: StatusStreamOptions): Response {
  const { store, bus, sessionId } = options;
  const encoder = new TextEncoder();
  let closed = false;
  let lastSent = options.lastEventId ?? 0;
  let queue: Promise<void> = Promise.resolve();
  let heartbeat: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unlisten?.();
    options.registry.delete(end);
    options.signal?.removeEventListener('abort', cleanup);
    options.onClose?.();
  };
  const end: EndStream = (retryMs) => {
    if (retryMs !== undefined) write(`retry: ${Math.round(retryMs)}\n: shutting down\n\n`);
    const wasOpen = !closed;
    cleanup();
    if (wasOpen) {
      try {
        controllerRef?.close();
      } catch {
        // already closed by the consumer
      }
    }
  };
  const write = (text: string) => {
    if (closed) return;
    try {
      controllerRef?.enqueue(encoder.encode(text));
    } catch {
      cleanup();
    }
  };
  const send = (view: SessionView, id: number) => {
    write(`id: ${id}\nevent: ${STATUS_EVENT}\ndata: ${JSON.stringify(view)}\n\n`);
    lastSent = Math.max(lastSent, id);
  };

  /** Sends every event after the last one sent; ends the stream once a final status went out. */
  const pump = (initial: boolean) => {
    queue = queue
      .then(async () => {
        if (closed) return;
        const session = await store.getSession(sessionId);
        if (!session) return end();
        const fresh = initial && options.lastEventId === undefined;
        const events = await store.eventsSince(sessionId, fresh ? 0 : lastSent);
        if (fresh) {
          // Fresh connection: the current state only, as of the latest event.
          const latest = events.at(-1);
          if (latest) send(eventView(session, latest), latest.id);
        } else {
          for (const event of events) send(eventView(session, event), event.id);
        }
        // Without new events, the session's own status says whether the stream is done.
        if (isFinalStatus(events.at(-1)?.status ?? session.status)) end();
      })
      .catch((error: unknown) => {
        options.onError(error);
        end();
      });
  };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      options.registry.add(end);
      if (options.signal?.aborted) return end();
      options.signal?.addEventListener('abort', cleanup);
      write(`retry: ${RETRY_MS}\n\n`);
      unlisten = bus.listen(sessionId, (eventId) => {
        if (eventId > lastSent) pump(false);
      });
      heartbeat = setInterval(() => write(': ping\n\n'), options.heartbeatMs);
      heartbeat.unref();
      pump(true);
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
    },
  });
}

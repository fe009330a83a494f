import type { SessionStatus } from './test-data.js';

/** `GET {kit}/sessions/:id`: server-kit's unified view of a session (no personal data). */
export interface SessionView {
  sessionId: string;
  orderId: string;
  status: SessionStatus;
  reason?: string;
  amount: { value: number; currency: string };
  method: string;
  provider: string;
  updatedAt: string;
}

const FINAL: readonly SessionStatus[] = ['succeeded', 'failed', 'cancelled', 'expired'];

export interface WaitForStatusOptions {
  /** Resolve at the first of these statuses; default the final ones (succeeded, failed, cancelled, expired). */
  until?: readonly SessionStatus[];
  /** Give up after this long; default 15 000 ms. */
  timeoutMs?: number;
}

/** Reads a session from server-kit (`kitUrl` is its `publicUrl`, e.g. `http://127.0.0.1:4000/checkout`). */
export async function readSession(kitUrl: string, sessionId: string): Promise<SessionView> {
  const response = await fetch(`${kitUrl}/sessions/${encodeURIComponent(sessionId)}`);
  if (!response.ok) throw new Error(`GET sessions/${sessionId} answered ${response.status}`);
  return (await response.json()) as SessionView;
}

/**
 * Waits for a session to reach a status (by default a final one) through server-kit's live status
 * stream, `GET sessions/:id/events` (server-sent events: the current state first, then each change),
 * the way the return page learns it. No polling interval to tune: it resolves on the event.
 */
export async function waitForSessionStatus(
  kitUrl: string,
  sessionId: string,
  options: WaitForStatusOptions = {},
): Promise<SessionView> {
  const until = options.until ?? FINAL;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let last: SessionView | undefined;
  try {
    // The stream ends after a final status; a status that is not the one waited for reconnects.
    while (!signal.aborted) {
      const response = await fetch(`${kitUrl}/sessions/${encodeURIComponent(sessionId)}/events`, {
        headers: { accept: 'text/event-stream' },
        signal,
      });
      if (!response.ok || !response.body)
        throw new Error(`GET sessions/${sessionId}/events answered ${response.status}`);
      for await (const view of statusEvents(response.body)) {
        last = view;
        if (until.includes(view.status)) return view;
      }
      if (last && FINAL.includes(last.status)) break;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  throw new Error(
    `session ${sessionId} did not reach ${until.join(' or ')} within ${timeoutMs} ms (last: ${last?.status ?? 'nothing'})`,
  );
}

/** The `data` of each `event: status` of a server-sent event stream, parsed (WHATWG HTML §9.2). */
async function* statusEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SessionView> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const lines = block.split('\n');
      const event =
        lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (event === 'status' && data) yield JSON.parse(data) as SessionView;
    }
  }
}

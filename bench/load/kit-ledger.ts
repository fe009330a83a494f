// What the kit itself recorded, read at the end of a load run: each order's sessions and provider tries
// through the merchant API (every setup), and on PostgreSQL each session's status events (with their
// source) and notification inbox rows, straight from the database, to explain a late final status.
import pg from 'pg';

/** The merchant key the run's kit instances are configured with (kit-instance.ts, `MERCHANT_KEY`). */
export const LOAD_MERCHANT_KEY = 'load-test-merchant-key-0123456789';

/** The parts of `GET merchant/orders/:orderId` (the contract's `MerchantOrderView`) the run reads. */
export interface OrderLedger {
  sessions: Array<{
    sessionId: string;
    status: string;
    attempts: Array<{ attempt: number; outcome: string; errorCode?: string; at: string }>;
  }>;
}

/** `GET merchant/orders/:orderId` through the balancer; undefined when it does not answer 200. */
export async function orderLedger(base: string, orderId: string): Promise<OrderLedger | undefined> {
  try {
    const response = await fetch(`${base}/merchant/orders/${encodeURIComponent(orderId)}`, {
      headers: { authorization: `Bearer ${LOAD_MERCHANT_KEY}` },
    });
    return response.ok ? ((await response.json()) as OrderLedger) : undefined;
  } catch {
    return undefined;
  }
}

/** One status change as the store recorded it: what moved the session there (`source`) and when. */
export interface StoredEvent {
  status: string;
  source: string;
  at: number;
}

/** One notification the kit stored for a session (unsigned hints: one row per distinct body). */
export interface StoredNotification {
  /** The provider status the body named (ConnectPay's details body), if readable. */
  providerStatus: string | undefined;
  receivedAt: number;
  applied: boolean;
}

export interface SessionTrace {
  events: StoredEvent[];
  inbox: StoredNotification[];
}

/** Reads the status events and inbox rows of some sessions from the kit's PostgreSQL database. */
export async function sessionTraces(
  databaseUrl: string,
  sessionIds: string[],
): Promise<Map<string, SessionTrace>> {
  const traces = new Map<string, SessionTrace>(sessionIds.map((id) => [id, { events: [], inbox: [] }]));
  if (sessionIds.length === 0) return traces;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const events = await client.query<{ session_id: string; status: string; source: string; at: Date }>(
      'SELECT session_id, status, source, at FROM status_events WHERE session_id = ANY($1) ORDER BY id',
      [sessionIds],
    );
    for (const row of events.rows) {
      traces
        .get(row.session_id)
        ?.events.push({ status: row.status, source: row.source, at: row.at.getTime() });
    }
    const inbox = await client.query<{
      session_id: string;
      payload: string;
      received_at: Date;
      applied: boolean;
    }>(
      'SELECT session_id, payload, received_at, applied FROM notification_inbox WHERE session_id = ANY($1) ORDER BY received_at',
      [sessionIds],
    );
    for (const row of inbox.rows) {
      traces.get(row.session_id)?.inbox.push({
        providerStatus: /"status"\s*:\s*"(\w+)"/.exec(row.payload)?.[1],
        receivedAt: row.received_at.getTime(),
        applied: row.applied,
      });
    }
  } finally {
    await client.end();
  }
  return traces;
}

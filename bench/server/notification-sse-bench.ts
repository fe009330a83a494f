import { setTimeout as sleep } from 'node:timers/promises';
import { createPool, post } from './http-load.js';
import { SHOP_ORIGIN } from './shop.js';
import { SseStream } from './sse-stream.js';
import { type LatencySummary, summarize } from './stats.js';
import { payWithFrictionlessCard } from './widget-driver.js';

/**
 * Notification arrivals at the kit, by the payment's merchant reference (the kit's reference for the
 * session, which contains the session id), fed from the kit process over IPC.
 */
export type ArrivalLog = Map<string, { status: string; arrivedAt: number }[]>;

export interface NotificationFigures extends LatencySummary {
  /** Sessions whose final event or notification stamp did not come in time (not in the figures). */
  missed: number;
}

const FINAL_SESSION_STATUSES = new Set(['succeeded', 'failed', 'cancelled', 'expired']);

/**
 * For each session, one after the other: open it through the kit, open its event stream and read
 * the initial state, then pay with the frictionless card on the sandbox widget (two form posts). The
 * sandbox notifies the kit of `Completed`; the figure is from that notification reaching the kit to
 * the client reading the final `status` event.
 */
export async function benchNotificationToSse(options: {
  kitUrl: string;
  arrivals: ArrivalLog;
  sessions: number;
  warmup: number;
}): Promise<NotificationFigures> {
  const agent = createPool(2);
  const samples: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < options.warmup + options.sessions; i++) {
      const created = await post(agent, {
        url: `${options.kitUrl}/sessions`,
        body: JSON.stringify({ order: `sse-order-${i}`, method: 'card' }),
        headers: {
          'content-type': 'application/json',
          origin: SHOP_ORIGIN,
          'idempotency-key': `sse-${Date.now()}-${i}`,
        },
      });
      if (created.status !== 201)
        throw new Error(`opening a session answered ${created.status}: ${created.body}`);
      const { sessionId, redirectUrl } = JSON.parse(created.body) as {
        sessionId: string;
        redirectUrl: string;
      };
      const stream = await SseStream.open(`${options.kitUrl}/sessions/${sessionId}/events`);
      try {
        await stream.next(5000); // the current state (pending)
        const paid = payWithFrictionlessCard(agent, redirectUrl);
        let finalReadAt: number | undefined;
        for (let n = 0; n < 5 && finalReadAt === undefined; n++) {
          const event = await stream.next(5000);
          const status = (JSON.parse(event.data) as { status: string }).status;
          if (event.event === 'status' && FINAL_SESSION_STATUSES.has(status)) finalReadAt = event.readAt;
        }
        await paid;
        const arrivedAt = await completedArrival(options.arrivals, sessionId);
        if (finalReadAt === undefined || arrivedAt === undefined) missed++;
        else if (i >= options.warmup) samples.push(finalReadAt - arrivedAt);
      } finally {
        stream.close();
      }
    }
  } finally {
    agent.destroy();
  }
  return { ...summarize(samples), missed };
}

/** The IPC message may trail the SSE event by a moment: wait for it briefly (bounded). */
async function completedArrival(arrivals: ArrivalLog, sessionId: string): Promise<number | undefined> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const reference = [...arrivals.keys()].find((key) => key.endsWith(sessionId));
    const hit = reference && arrivals.get(reference)?.find((arrival) => arrival.status === 'Completed');
    if (hit) return hit.arrivedAt;
    await sleep(20);
  }
  return undefined;
}

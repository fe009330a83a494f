import type { SessionView } from '@pay-checkout/contract';
import type { SessionRecord, StatusEvent } from '../store/store.js';

/** The public view of a session: status, amount, method, provider. No personal data (docs/architecture.md). */
export function toSessionView(session: SessionRecord): SessionView {
  const view: SessionView = {
    sessionId: session.id,
    orderId: session.orderId,
    status: session.status,
    amount: { value: session.amount, currency: session.currency },
    method: session.method,
    provider: session.provider,
    updatedAt: session.updatedAt.toISOString(),
  };
  if (session.reason) view.reason = session.reason;
  return view;
}

/** The view as of a past status event (SSE replay after `Last-Event-ID`). */
export function eventView(session: SessionRecord, event: StatusEvent): SessionView {
  const view: SessionView = {
    ...toSessionView(session),
    status: event.status,
    updatedAt: event.at.toISOString(),
  };
  if (event.reason) view.reason = event.reason;
  else delete view.reason;
  return view;
}

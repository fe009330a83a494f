import { isFinalStatus } from '@pay-checkout/contract';
import type { ProviderAdapter, ProviderSessionInput } from '../providers/provider.js';
import type { EventSource, SessionRecord } from '../store/store.js';
import { applyProviderStatus } from './apply-status.js';
import type { KitContext } from './kit-context.js';

/**
 * Brings a non-final session up to date with its provider: on every return-page load, from the
 * poller, and after an unsigned notification (a hint). Only the provider's API decides the status.
 * A session past its `expiresAt` that the provider still has non-final becomes `expired`.
 */
export async function reconcileSession(
  context: KitContext,
  session: SessionRecord,
  source: EventSource,
  now = new Date(),
): Promise<SessionRecord> {
  if (isFinalStatus(session.status)) return session;
  const adapter = context.providersByName.get(session.provider);
  if (!adapter) return session; // provider removed from the config: nothing to ask
  let current = session;
  if (current.providerRef) {
    const status = await adapter.status(current.providerRef);
    current = (await applyProviderStatus(context, current, status, source)).session;
  } else {
    current = await adoptOrphan(context, adapter, current);
  }
  if (!isFinalStatus(current.status) && now >= current.expiresAt) {
    current = (
      await applyProviderStatus(
        context,
        current,
        { status: 'expired', reason: 'expired', raw: 'kit:expired' },
        'expiry',
      )
    ).session;
  }
  return current;
}

/**
 * A session without a provider payment: the process stopped (or the provider timed out) between
 * storing the session and storing the provider's answer. The provider may have created the payment
 * anyway, so look it up by our reference instead of ever initiating twice.
 */
async function adoptOrphan(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
): Promise<SessionRecord> {
  const found = await adapter.findByReference(sessionInput(context, session));
  if (!found) return session;
  const attached = await context.store.attachProviderPayment(
    session.id,
    found.providerRef,
    found.redirectUrl,
  );
  return (await applyProviderStatus(context, attached, found.status, 'reconcile')).session;
}

/** What an adapter needs about a stored session (for initiation and for lookups by reference). */
export function sessionInput(
  context: KitContext,
  session: SessionRecord,
  topUp?: ProviderSessionInput['topUp'],
): ProviderSessionInput {
  const base = context.config.publicUrl;
  const input: ProviderSessionInput = {
    sessionId: session.id,
    reference: session.reference,
    orderId: session.orderId,
    amount: { value: session.amount, currency: session.currency },
    description: session.description,
    method: session.method,
    returnUrl: `${base}/return/${session.id}`,
    notificationUrl: `${base}/notifications/${encodeURIComponent(session.provider)}`,
  };
  if (session.bank) input.bank = session.bank;
  if (session.country) input.country = session.country;
  if (session.language) input.language = session.language;
  if (topUp) input.topUp = topUp;
  return input;
}

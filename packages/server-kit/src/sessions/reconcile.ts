import { isFinalStatus } from '@pay-checkout/contract';
import type { ProviderAdapter, ProviderSessionInput } from '../providers/provider.js';
import type { EventSource, SessionRecord } from '../store/store.js';
import { applyProviderStatus } from './apply-status.js';
import type { KitContext } from './kit-context.js';
import { shopperUrl } from './next-action.js';
import { mergeProviderData, readTopUp } from './provider-data.js';

/**
 * Brings a non-final session up to date with its provider: on every return-page load, from the
 * poller, and after an unsigned notification (a hint). Only the provider's API decides the status.
 * The provider decides what is final: a session past its `expiresAt` becomes `expired` only when no
 * provider payment exists for it (none attached, none found by reference). One the provider still has
 * open (a manual review, a bank payment under way, a payment page left open) stays as the provider says
 * and keeps being reconciled, so a late success is applied, never lost behind our own timeout.
 */
export async function reconcileSession(
  context: KitContext,
  session: SessionRecord,
  source: EventSource,
  now = new Date(),
): Promise<SessionRecord> {
  if (isFinalStatus(session.status)) return session;
  const adapter = context.providersById.get(session.provider);
  if (!adapter) return session; // provider removed from the config: nothing to ask
  let current = session;
  if (current.providerRef) {
    const status = await adapter.status({
      providerRef: current.providerRef,
      reference: current.reference,
      providerData: current.providerData,
    });
    current = (await applyProviderStatus(context, current, status, source)).session;
  } else {
    current = await adoptOrphan(context, adapter, current);
  }
  if (!isFinalStatus(current.status) && !current.providerRef && now >= current.expiresAt) {
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
  const found = await adapter.findByReference(sessionInput(context, session, adapter));
  if (!found) return session;
  let redirectUrl: string;
  try {
    redirectUrl = shopperUrl(context, adapter, session.id, found.next);
  } catch {
    // The shopper is not waiting on this answer: keep the payment, send anyone who asks to our page.
    redirectUrl = shopperUrl(context, adapter, session.id, { type: 'none' });
  }
  const attached = await context.store.attachProviderPayment({
    sessionId: session.id,
    providerRef: found.providerRef,
    redirectUrl,
    providerData: mergeProviderData(session.providerData, found.providerData),
    next: found.next,
  });
  return (await applyProviderStatus(context, attached, found.status, 'reconcile')).session;
}

/**
 * What an adapter needs about a stored session (for initiation and for lookups by reference). The
 * top-up target comes from the session's provider data, where `openSession` seeded it, so a lookup
 * after a lost answer looks in the right place. `state` is the session id: unguessable already, and
 * what a `state`-style provider hands back on `return/{providerId}`.
 */
export function sessionInput(
  context: KitContext,
  session: SessionRecord,
  adapter: ProviderAdapter,
): ProviderSessionInput {
  const base = context.config.publicUrl;
  const stateStyle = adapter.capabilities.returnStyle === 'state';
  const input: ProviderSessionInput = {
    sessionId: session.id,
    reference: session.reference,
    orderId: session.orderId,
    amount: { value: session.amount, currency: session.currency },
    description: session.description,
    method: session.method,
    returnUrl: `${base}/return/${stateStyle ? adapter.id : session.id}`,
    state: session.id,
    notificationUrl: `${base}/notifications/${adapter.id}`,
  };
  if (session.bank) input.bank = session.bank;
  if (session.country) input.country = session.country;
  if (session.language) input.language = session.language;
  const topUp = readTopUp(session.providerData);
  if (topUp) input.topUp = topUp;
  if (session.providerData) input.providerData = session.providerData;
  return input;
}

import type { CreateSessionRequest, CreateSessionResponse } from '@pay-checkout/contract';
import { ProviderError, ProviderTimeoutError, UnsafeRedirectError } from '../errors.js';
import { MethodUnavailableError } from '../http/http-errors.js';
import type { ProviderAdapter, ProviderInitiation, ProviderSessionInput } from '../providers/provider.js';
import type { SessionRecord, StoredResponse } from '../store/store.js';
import { applyProviderStatus } from './apply-status.js';
import { newSessionId, providerReference } from './ids.js';
import type { KitContext } from './kit-context.js';
import { loadOrder } from './order.js';
import { sessionInput } from './reconcile.js';
import { isSafeProviderRedirect } from './redirect-policy.js';

/**
 * Opens a session (DESIGN.md §3): the order's amount from `resolveOrder`, the session stored as
 * `created` BEFORE the provider is called (so a crash mid-way leaves a row the poller can reconcile by
 * our reference), then the provider's payment, whose redirect URL must pass the adapter's allow-list.
 */
export async function openSession(
  context: KitContext,
  request: CreateSessionRequest,
): Promise<StoredResponse> {
  const order = await loadOrder(context, request.order);
  const adapter = pickProvider(context, request, order.topUp !== undefined);
  const id = newSessionId();
  const now = Date.now();
  const session = await context.store.createSession({
    id,
    orderId: order.orderId,
    provider: adapter.name,
    method: request.method,
    bank: request.bank,
    language: request.language,
    country: request.country,
    amount: order.amountMinor,
    currency: order.currency,
    description: order.description,
    reference: providerReference(id),
    expiresAt: new Date(now + context.config.sessionTtlMs),
    nextPollAt: new Date(now + context.config.pollIntervalMs),
  });
  const input = sessionInput(context, session, order.topUp);
  const initiation = await initiateOnce(context, adapter, session, input);
  if (!isSafeProviderRedirect(initiation.redirectUrl, adapter)) {
    context.log.warn(
      { sessionId: id, provider: adapter.name },
      'provider redirect URL refused by the allow-list',
    );
    await failSession(context, session, 'kit:unsafe_redirect');
    throw new UnsafeRedirectError(initiation.redirectUrl);
  }
  const attached = await context.store.attachProviderPayment(
    id,
    initiation.providerRef,
    initiation.redirectUrl,
  );
  const applied = await applyProviderStatus(context, attached, initiation.status, 'initiate');
  const body: CreateSessionResponse = {
    sessionId: id,
    redirectUrl: initiation.redirectUrl,
    status: applied.session.status,
  };
  return { status: 201, body };
}

function pickProvider(context: KitContext, request: CreateSessionRequest, topUp: boolean): ProviderAdapter {
  const adapter = topUp
    ? context.config.providers.find(
        (p) => p.capabilities.topUp && p.capabilities.methods.includes(request.method),
      )
    : context.providerFor(request.method);
  if (!adapter) throw new MethodUnavailableError(topUp ? `${request.method} (top-up)` : request.method);
  return adapter;
}

/**
 * Calls `initiate` exactly once. When its outcome is unknown (timeout), the provider may have created
 * the payment anyway, so we look it up by our reference rather than initiating a second one
 * (RELIABILITY.md 13–14). Not found → 504, retryable; the session stays without a provider payment and
 * the poller adopts it should the payment appear after all.
 */
async function initiateOnce(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  input: ProviderSessionInput,
): Promise<ProviderInitiation> {
  try {
    return await adapter.initiate(input);
  } catch (error) {
    if (!(error instanceof ProviderTimeoutError)) {
      context.log.warn({ sessionId: session.id, provider: adapter.name, err: error }, 'initiation failed');
      await failSession(context, session, error instanceof ProviderError ? `kit:${error.code}` : 'kit:error');
      throw error;
    }
    context.log.warn({ sessionId: session.id, provider: adapter.name }, 'initiation timed out; reconciling');
    const found = await adapter.findByReference(input).catch((lookupError: unknown) => {
      context.log.warn({ sessionId: session.id, err: lookupError }, 'lookup by reference failed');
      return undefined;
    });
    if (!found) throw error;
    return found;
  }
}

async function failSession(context: KitContext, session: SessionRecord, raw: string): Promise<void> {
  await applyProviderStatus(
    context,
    session,
    { status: 'failed', reason: 'provider_error', raw },
    'initiate',
  );
}

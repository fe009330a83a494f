import type { CreateSessionRequest } from '@pay-checkout/contract';
import {
  isTransientProviderError,
  ProviderError,
  ProviderTimeoutError,
  UnsafeRedirectError,
} from '../errors.js';
import { MethodUnavailableError } from '../http/http-errors.js';
import type { ProviderAdapter, ProviderInitiation, ProviderSessionInput } from '../providers/provider.js';
import type { SessionRecord, StoredResponse } from '../store/store.js';
import { applyProviderStatus, logStatusChange } from './apply-status.js';
import { backoffDelay } from './backoff.js';
import { answerHeldKey, type IdempotentResult } from './idempotency.js';
import { newSessionId, providerReference } from './ids.js';
import type { KitContext } from './kit-context.js';
import { type KitOrder, loadOrder } from './order.js';
import { sessionInput } from './reconcile.js';
import { isSafeProviderRedirect } from './redirect-policy.js';

/** The request's `Idempotency-Key` and the hash of its canonical body. */
export interface IdempotencyClaimInput {
  key: string;
  requestHash: string;
}

/**
 * Opens a session (DESIGN.md §3) at most once per Idempotency-Key (RELIABILITY.md 1–3), in two store
 * writes: the order's amount from `resolveOrder`; then the key claimed and the session stored as
 * `created` in one transaction, committed BEFORE the provider is called (a concurrent request with the
 * key gets 409, and a crash mid-way leaves a row the poller can reconcile by our reference); then the
 * provider's payment, whose redirect URL must pass the adapter's allow-list; then, in one transaction,
 * the payment attached, the provider's status applied and the response stored for replays. A request
 * that fails in a way the client may retry (timeout, provider down, bug) releases its claim, so the same
 * key can try again; nothing about it was acknowledged.
 */
export async function openSession(
  context: KitContext,
  request: CreateSessionRequest,
  idempotency: IdempotencyClaimInput,
): Promise<IdempotentResult> {
  const { key, requestHash } = idempotency;
  let order: KitOrder;
  let adapter: ProviderAdapter;
  try {
    order = await loadOrder(context, request.order);
    adapter = pickProvider(context, request, order.topUp !== undefined);
  } catch (error) {
    // The order is resolved before the key is claimed (the claim and the session are one write), so
    // this may be a retry of a request that went through or is still running: its answer wins.
    const held = await context.store.peekIdempotencyKey(key, requestHash);
    if (held !== undefined) return answerHeldKey(held);
    throw error;
  }
  const id = newSessionId();
  const now = Date.now();
  const opened = await context.store.openSession({
    key,
    requestHash,
    session: {
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
    },
  });
  if (opened.kind !== 'claimed') return answerHeldKey(opened);
  try {
    return {
      response: await initiateAndRecord(context, adapter, opened.session, order, key),
      replayed: false,
    };
  } catch (error) {
    await context.store.releaseIdempotencyKey(key);
    throw error;
  }
}

async function initiateAndRecord(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  order: KitOrder,
  key: string,
): Promise<StoredResponse> {
  const input = sessionInput(context, session, order.topUp);
  const initiation = await initiateSafely(context, adapter, session, input);
  // A payment adopted by reference after a lost answer may carry no widget URL (ConnectPay's details
  // have none): the adapter then points the shopper at our own return page, which is always safe.
  const ownReturnPage = initiation.redirectUrl === input.returnUrl;
  if (!ownReturnPage && !isSafeProviderRedirect(initiation.redirectUrl, adapter)) {
    context.log.warn(
      { sessionId: session.id, provider: adapter.name },
      'provider redirect URL refused by the allow-list',
    );
    await failSession(context, session, 'kit:unsafe_redirect');
    throw new UnsafeRedirectError(initiation.redirectUrl);
  }
  // A final status here also stops the poller: the store's compare-and-set clears `nextPollAt`.
  const recorded = await context.store.recordInitiation({
    sessionId: session.id,
    providerRef: initiation.providerRef,
    redirectUrl: initiation.redirectUrl,
    to: initiation.status.status,
    reason: initiation.status.reason,
    providerStatus: initiation.status.raw,
    idempotency: { key, responseStatus: 201 },
  });
  if (recorded.outcome === 'applied') {
    logStatusChange(context, session.status, recorded.session, 'initiate', initiation.status.raw);
  }
  return recorded.response;
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

/** Initiations per session request: the first plus at most two after a provider 5xx. */
const MAX_INITIATIONS = 3;
const INITIATE_BACKOFF = { baseMs: 100, capMs: 1000 };

/**
 * Opens the provider payment without ever creating two (RELIABILITY.md 13–14). When an initiation's
 * outcome is unknown (timeout, 5xx, connection lost) the provider may have created the payment
 * anyway, so we first look it up by our reference (a read, which adapters retry). Found → use it.
 * Not found after a 5xx → the provider answered and created nothing, so we initiate again, with capped
 * exponential backoff and jitter. Not found after a timeout → 504, retryable: the request may still
 * land, so we never re-send it; the session stays without a provider payment, and the poller adopts
 * the payment by reference should it appear (or expires the session). A 4xx is final: no retry.
 */
async function initiateSafely(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  input: ProviderSessionInput,
): Promise<ProviderInitiation> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adapter.initiate(input);
    } catch (error) {
      const log = context.log.child({ sessionId: session.id, provider: adapter.name, attempt });
      if (!isTransientProviderError(error)) {
        log.warn({ err: error }, 'initiation refused');
        await failSession(
          context,
          session,
          error instanceof ProviderError ? `kit:${error.code}` : 'kit:error',
        );
        throw error;
      }
      log.warn({ err: error }, 'initiation outcome unknown; looking the payment up by our reference');
      let found: ProviderInitiation | undefined;
      try {
        found = await adapter.findByReference(input);
      } catch (lookupError) {
        log.warn({ err: lookupError }, 'lookup by reference failed; the poller will reconcile');
        throw error;
      }
      if (found) return found;
      if (error instanceof ProviderTimeoutError) throw error;
      if (attempt >= MAX_INITIATIONS) {
        await failSession(context, session, `kit:${(error as ProviderError).code}`);
        throw error;
      }
      await sleep(backoffDelay(attempt - 1, INITIATE_BACKOFF.baseMs, INITIATE_BACKOFF.capMs));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function failSession(context: KitContext, session: SessionRecord, raw: string): Promise<void> {
  await applyProviderStatus(
    context,
    session,
    { status: 'failed', reason: 'provider_error', raw },
    'initiate',
  );
}

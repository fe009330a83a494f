import { type AttemptOutcome, type CreateSessionRequest, isFinalStatus } from '@pay-checkout/contract';
import {
  CheckoutError,
  isTransientProviderError,
  ProviderError,
  ProviderTimeoutError,
  ProviderUnavailableError,
  UnsafeRedirectError,
} from '../errors.js';
import { MethodUnavailableError } from '../http/http-errors.js';
import { createSendGate, sendsAfterGate } from '../providers/http/send-gate.js';
import type { ProviderAdapter, ProviderInitiation, ProviderSessionInput } from '../providers/provider.js';
import type { NewSession, OpenSessionResult, SessionRecord, StoredResponse } from '../store/store.js';
import { applyProviderStatus, logStatusChange } from './apply-status.js';
import { backoffDelay } from './backoff.js';
import { sameBankAt } from './bank-match.js';
import { assertBankOffered } from './bank-offer.js';
import { boundKeyResponse } from './bound-key.js';
import { answerHeldKey, type IdempotentResult } from './idempotency.js';
import { newSessionId, providerReference } from './ids.js';
import type { KitContext } from './kit-context.js';
import { shopperUrl } from './next-action.js';
import { type KitOrder, loadOrder } from './order.js';
import { orderAlreadyPaid } from './order-already-paid.js';
import { mergeProviderData } from './provider-data.js';
import { sessionInput } from './reconcile.js';

/** The request's `Idempotency-Key` and the hash of its canonical body. */
export interface IdempotencyClaimInput {
  key: string;
  requestHash: string;
}

/**
 * Opens a session (docs/architecture.md, "the journey") at most once per Idempotency-Key, in two store
 * writes: the order's amount from `resolveOrder` and the route's providers; then the key claimed and
 * the session stored as `created` in one transaction, committed BEFORE any provider is called (a
 * concurrent request with the key gets 409, and a crash mid-way leaves a row the poller can reconcile
 * by our reference); then the provider's payment, tried along the route with failover; then, in one
 * transaction, the payment attached, the provider's status applied and the response stored for
 * replays. A request that fails in a way the client may retry (provider down, bug) releases its
 * claim, so the same key can try again; nothing about it was acknowledged. One whose provider outcome
 * is unknown (a timeout) does not: its key stays bound to its session (bound-key.ts).
 */
export async function openSession(
  context: KitContext,
  request: CreateSessionRequest,
  idempotency: IdempotencyClaimInput,
): Promise<IdempotentResult> {
  const { key, requestHash } = idempotency;
  let order: KitOrder;
  let route: ProviderAdapter[];
  try {
    order = await loadOrder(context, request.order);
    const candidates = context.routes.candidates({
      method: request.method,
      country: request.country,
      currency: order.currency,
      topUp: order.topUp !== undefined,
      pin: request.provider,
    });
    if (candidates.length === 0) {
      throw new MethodUnavailableError(order.topUp ? `${request.method} (top-up)` : request.method);
    }
    // Providers whose circuit is open are not tried; with none left, refuse before a session is stored.
    route = candidates.filter((adapter) => !context.breakers.get(adapter.id).isOpen());
    if (route.length === 0) throw new ProviderUnavailableError(request.method);
    await assertBankOffered(context, route[0], request);
  } catch (error) {
    // The order is resolved before the key is claimed (the claim and the session are one write), so
    // this may be a retry of a request that went through or is still running: its answer wins.
    const held = await context.store.peekIdempotencyKey(key, requestHash);
    if (held !== undefined) return answerHeldKey(context, key, held);
    throw error;
  }
  const now = Date.now();
  // Built again for a fresh attempt (see below): a new id and reference, the same order.
  const newSession = (id: string): NewSession => ({
    id,
    orderId: order.orderId,
    provider: route[0].id,
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
    // Seeded before any provider is called: a lookup by reference after a lost answer (the poller's
    // orphan adoption) must know it looks for a top-up, which lives in another API at ConnectPay.
    ...(order.topUp ? { providerData: { topUp: { ...order.topUp } } } : {}),
  });
  const first = newSession(newSessionId());
  // The first provider's call is built and signed while the session is written, and sent only after
  // the write committed and the provider's circuit let it (send-gate.ts; docs/reliability.md).
  let early = prepareEarly(context, route[0], first);
  let opened: OpenSessionResult;
  try {
    opened = await context.store.openSession({ key, requestHash, session: first });
  } catch (error) {
    early?.drop('the session could not be stored');
    throw error;
  }
  if (opened.kind !== 'claimed') early?.drop('the Idempotency-Key is held by another request');
  if (opened.kind === 'order_paid') throw orderAlreadyPaid(context, order, opened.sessionId);
  if (opened.kind !== 'claimed') return answerHeldKey(context, key, opened);
  if (early && !early.fits(sessionInput(context, opened.session, route[0]))) {
    early.drop('the stored session differs from the one it was built for');
    early = undefined;
  }
  try {
    let session = opened.session;
    for (let fresh = 0; ; fresh++) {
      const outcome = await initiateAlongRoute(context, route, session, key, fresh === 0 ? early : undefined);
      if (outcome.kind === 'recorded') return { response: outcome.response, replayed: false };
      // The payment found after a lost answer has no page to send the shopper to (docs/reliability.md
      // 20): it stays on its session, watched by the poller, and a fresh attempt is opened once. A late
      // success of the abandoned one is a second payment of the order: the duplicate path handles it.
      if (fresh >= FRESH_ATTEMPTS) throw new ProviderUnavailableError(request.method);
      session = await context.store.createSession(newSession(newSessionId()));
    }
  } catch (error) {
    // A no-op when the key is bound to a session whose outcome is unknown (completed, not in progress).
    await context.store.releaseIdempotencyKey(key);
    throw error;
  } finally {
    // Unused (its provider was skipped, or failed before its turn): never sent.
    early?.drop('the session went another way');
  }
}

/**
 * The ledger's `errorCode` of a try whose payment was found by reference after a lost answer with no page
 * for the shopper: kept and watched, never handed out (docs/reliability.md 20).
 */
export const ABANDONED_NO_SHOPPER_PAGE = 'abandoned_no_shopper_page';

/** The first provider's initiation, prepared before the session is stored (`prepareEarly`). */
interface EarlyInitiation {
  adapter: ProviderAdapter;
  /** Whether it was built from exactly this input (the one the stored session gives). */
  fits(input: ProviderSessionInput): boolean;
  /** Lets it go; its outcome, as `adapter.initiate`'s. */
  send(): Promise<ProviderInitiation>;
  /** Drops it unsent (a no-op once sent). */
  drop(why: string): void;
}

/**
 * Starts the first provider's `initiate` with a closed gate, for adapters that honour one: the body is
 * built and signed now, and nothing leaves until `send()`. Undefined for other adapters (they are
 * called in sequence, after the write, as before).
 */
function prepareEarly(
  context: KitContext,
  adapter: ProviderAdapter,
  session: NewSession,
): EarlyInitiation | undefined {
  if (!sendsAfterGate(adapter)) return undefined;
  // What `sessionInput` reads of a stored session is what the new one holds (its id, reference,
  // order, amount, method, bank, country, language, provider data): `fits` checks it after the write.
  const input = sessionInput(context, { ...session, status: 'created' } as SessionRecord, adapter);
  const built = JSON.stringify(input);
  const gate = createSendGate();
  const call = adapter.initiate(input, gate.signal);
  // Observed by `send()`; a dropped call rejects with CallNotSentError, which nobody needs.
  call.catch(() => undefined);
  return {
    adapter,
    fits: (stored) => JSON.stringify(stored) === built,
    send: () => {
      gate.open();
      return call;
    },
    drop: (why) => gate.close(why),
  };
}

/** Fresh attempts after a payment found by reference without a page for the shopper. */
const FRESH_ATTEMPTS = 1;

type RouteOutcome = { kind: 'recorded'; response: StoredResponse } | { kind: 'abandoned' };

/**
 * Tries the route's providers in order (routing with failover, docs/server-kit.md). A provider is skipped while
 * its circuit is open. The next one is tried only when the failed one certainly created nothing: it
 * refused, or it failed in transit and a lookup by our reference found no payment. A timeout whose
 * lookup finds nothing is NOT certain (the request may still land), so it ends the request with a
 * retryable 504, the key stays bound to the session (bound-key.ts) and the poller adopts the payment
 * should it appear. Every try is a `payment_attempts` row; for PIS a fallback is used only when it
 * offers the same bank (by BIC). A payment found by reference without a page for the shopper is
 * attached and left to the poller (`abandoned`): never answered as 201 "go pay" (issue 14, finding 4).
 */
async function initiateAlongRoute(
  context: KitContext,
  route: ProviderAdapter[],
  created: SessionRecord,
  key: string,
  early?: EarlyInitiation,
): Promise<RouteOutcome> {
  let session = created;
  let lastError: unknown;
  let nextAttempt = 1;
  for (const [index, adapter] of route.entries()) {
    const isLast = index === route.length - 1;
    let bank = session.bank;
    if (index > 0 && session.method === 'pis' && session.bank) {
      bank = await sameBankAt(route, adapter, session.bank, session.country).catch(() => undefined);
      if (!bank) continue;
    }
    const permit = context.breakers.get(adapter.id).acquire();
    const tried = nextAttempt++;
    // The first try at the session's own provider gets its row only if it fails: a try that works is
    // recorded by `recordInitiation`'s own statement, so routing adds no write to the common path.
    const lazy = index === 0;
    if (!lazy) {
      session = await context.store.startAttempt({
        sessionId: session.id,
        attempt: tried,
        provider: adapter.id,
      });
    }
    if (!permit) {
      // Its circuit opened, or a probe is under way, since the route was made.
      context.log.info({ sessionId: session.id, provider: adapter.id }, 'provider circuit open; skipped');
      await endAttempt(context, session, adapter, tried, lazy, 'unavailable', 'provider_unavailable');
      continue;
    }
    const input = sessionInput(context, session, adapter);
    if (bank) input.bank = bank;
    let initiation: ProviderInitiation;
    let adopted: boolean;
    try {
      ({ initiation, adopted } = await initiateSafely(
        context,
        adapter,
        session,
        input,
        isLast ? MAX_INITIATIONS : 1,
        // Prepared for this very try: the first provider, with the session's own bank.
        index === 0 && early?.adapter === adapter && bank === session.bank ? early : undefined,
      ));
    } catch (thrown) {
      const outcome = classify(thrown);
      const error = thrown instanceof CertainOutage ? thrown.original : thrown;
      // Only outages count against the circuit: a refusal says the provider is up and answering.
      if (outcome === 'refused') permit.success();
      else permit.failure();
      const code = error instanceof CheckoutError ? error.code : 'internal_error';
      await endAttempt(context, session, adapter, tried, lazy, ATTEMPT_OUTCOME[outcome], code);
      lastError = error;
      if (outcome === 'unknown') {
        // The payment may exist: never try elsewhere, and never let the key open another session.
        await context.store.completeIdempotencyKey(key, boundKeyResponse(session.id));
        throw error;
      }
      if (isLast) break;
      context.log.warn(
        { sessionId: session.id, provider: adapter.id, err: error },
        'provider created nothing; trying the next provider of the route',
      );
      continue;
    }
    permit.success();
    if (adopted && initiation.next.type === 'none' && !isFinalStatus(initiation.status.status)) {
      await abandon(context, adapter, session, initiation, tried, lazy);
      return { kind: 'abandoned' };
    }
    return { kind: 'recorded', response: await record(context, adapter, session, initiation, key, tried) };
  }
  const reason = lastError instanceof ProviderError ? `kit:${lastError.code}` : 'kit:provider_unavailable';
  await failSession(context, session, reason);
  if (lastError) throw lastError;
  throw new ProviderUnavailableError(session.method);
}

/**
 * Keeps a payment found by reference that names no page for the shopper on its session (attached, its
 * status applied, still polled), so a late success is applied and seen as the order's second payment.
 */
async function abandon(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  initiation: ProviderInitiation,
  attempt: number,
  lazy: boolean,
): Promise<void> {
  context.log.warn(
    { sessionId: session.id, provider: adapter.id },
    'payment found by our reference names no page for the shopper; kept and watched, a fresh attempt opens',
  );
  if (lazy) await context.store.startAttempt({ sessionId: session.id, attempt, provider: adapter.id });
  // `created` (the provider has the payment) and why nobody was sent to it: the merchant view's ledger
  // tells this payment from the order's real attempt, and so does the load test (bench/load/run.ts).
  await context.store.finishAttempt({
    sessionId: session.id,
    attempt,
    outcome: 'created',
    errorCode: ABANDONED_NO_SHOPPER_PAGE,
  });
  const attached = await context.store.attachProviderPayment({
    sessionId: session.id,
    providerRef: initiation.providerRef,
    redirectUrl: shopperUrl(context, adapter, session.id, initiation.next),
    providerData: mergeProviderData(session.providerData, initiation.providerData),
    next: initiation.next,
  });
  await applyProviderStatus(context, attached, initiation.status, 'initiate');
}

/** Records how a try that made no payment ended (inserting the first try's row, which waited until now). */
async function endAttempt(
  context: KitContext,
  session: SessionRecord,
  adapter: ProviderAdapter,
  attempt: number,
  lazy: boolean,
  outcome: AttemptOutcome,
  errorCode: string,
): Promise<void> {
  if (lazy) await context.store.startAttempt({ sessionId: session.id, attempt, provider: adapter.id });
  await context.store.finishAttempt({ sessionId: session.id, attempt, outcome, errorCode });
}

type FailureOutcome = 'refused' | 'certain_outage' | 'unknown';

const ATTEMPT_OUTCOME: Record<FailureOutcome, AttemptOutcome> = {
  refused: 'refused',
  certain_outage: 'unavailable',
  unknown: 'unknown',
};

/**
 * How a failed try ended, for failover (`initiateSafely` already looked the payment up): a refusal
 * (a 4xx, or the adapter's own check of the input) or a proven outage created nothing; a transient
 * failure whose lookup did not prove that (a timeout, a lookup that failed) may have.
 */
function classify(error: unknown): FailureOutcome {
  if (error instanceof CertainOutage) return 'certain_outage';
  return isTransientProviderError(error) ? 'unknown' : 'refused';
}

/**
 * Stores the payment the provider made, its try marked `created`, and the answer for the idempotency
 * key, in one write.
 */
async function record(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  initiation: ProviderInitiation,
  key: string,
  attempt: number,
): Promise<StoredResponse> {
  let redirectUrl: string;
  try {
    redirectUrl = shopperUrl(context, adapter, session.id, initiation.next);
  } catch (error) {
    if (!(error instanceof UnsafeRedirectError)) throw error;
    context.log.warn(
      { sessionId: session.id, provider: adapter.id },
      'provider next action refused by the redirect allow-list',
    );
    await failSession(context, session, 'kit:unsafe_redirect');
    throw error;
  }
  // A final status here also stops the poller: the store's compare-and-set clears `nextPollAt`.
  const recorded = await context.store.recordInitiation({
    sessionId: session.id,
    providerRef: initiation.providerRef,
    redirectUrl,
    attempt,
    providerData: mergeProviderData(session.providerData, initiation.providerData),
    next: initiation.next,
    to: initiation.status.status,
    reason: initiation.status.reason,
    providerStatus: initiation.status.raw,
    idempotency: { key, responseStatus: 201 },
  });
  if (recorded.outcome === 'applied') {
    logStatusChange(context, session.status, recorded.session, 'initiate', initiation.status.raw);
    await context.events.afterChange(recorded.session, { hooks: true });
  }
  return recorded.response;
}

/** Initiations at one provider: the first plus at most two after a 5xx when no fallback is left. */
const MAX_INITIATIONS = 3;
const INITIATE_BACKOFF = { baseMs: 100, capMs: 1000 };

/** A transient failure after which a lookup by reference proved the provider created nothing. */
class CertainOutage extends Error {
  constructor(readonly original: unknown) {
    super('the provider failed and created nothing');
  }
}

/**
 * Opens the provider payment without ever creating two. When an initiation's outcome is unknown
 * (timeout, 5xx, connection lost) the provider may have created the payment anyway, so we first look
 * it up by our reference (a read, which adapters retry). Found → use it. Not found after a 5xx or an
 * unreachable provider → it created nothing: initiate again (up to `maxInitiations`, with capped
 * exponential backoff and jitter), then report a certain outage so the route may fall over. Not found
 * after a timeout → 504, retryable: the request may still land, so we never re-send it. A 4xx is final.
 */
async function initiateSafely(
  context: KitContext,
  adapter: ProviderAdapter,
  session: SessionRecord,
  input: ProviderSessionInput,
  maxInitiations: number,
  early?: EarlyInitiation,
): Promise<{ initiation: ProviderInitiation; adopted: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const initiation = attempt === 1 && early ? early.send() : adapter.initiate(input);
      return { initiation: await initiation, adopted: false };
    } catch (error) {
      const log = context.log.child({ sessionId: session.id, provider: adapter.id, attempt });
      if (!isTransientProviderError(error)) {
        log.warn({ err: error }, 'initiation refused');
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
      if (found) return { initiation: found, adopted: true };
      if (error instanceof ProviderTimeoutError) throw error;
      if (attempt >= maxInitiations) throw new CertainOutage(error);
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

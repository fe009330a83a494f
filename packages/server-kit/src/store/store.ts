import type {
  AttemptOutcome,
  NextAction,
  OperationKind,
  OperationStatus,
  PaymentEvent,
  PaymentEventType,
  PaymentMethod,
  SessionStatus,
  StatusReason,
} from '@pay-checkout/contract';
import type { ProviderData } from '../providers/provider.js';

/**
 * The durable store behind server-kit. Two implementations pass one conformance suite
 * (`store/conformance.ts`): the embedded PGlite default and PostgreSQL (several instances behind a
 * load balancer). Same SQL and migrations for both. Every state change is a compare-and-set, and the
 * idempotency record, the notification inbox row and the status event are written in the same
 * transaction as the change they belong to (docs/architecture.md, docs/reliability.md 1–3, 6, 7, 15–16).
 */
export interface CheckoutStore {
  /** Creates or upgrades the schema. Safe to call on every start and from several instances. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // ── Idempotency (POST sessions) ─────────────────────────────────────────────────────────────
  /**
   * Claims `key` for a request whose canonical body hashes to `requestHash`. Exactly one of several
   * concurrent callers gets `claimed`; the others see `in_progress` until it completes.
   */
  claimIdempotencyKey(key: string, requestHash: string): Promise<IdempotencyClaim>;
  /** Stores the final response for a claimed key (replayed to later requests with the same key). */
  completeIdempotencyKey(key: string, response: StoredResponse): Promise<void>;
  /** Drops a claim whose request failed in a way the client may retry (e.g. provider timeout). */
  releaseIdempotencyKey(key: string): Promise<void>;
  /**
   * What a key already holds, without claiming it: `undefined` when it is free. For a request that
   * fails before it could claim (e.g. its order no longer resolves) yet may be a retry of one that
   * succeeded: the stored response still wins.
   */
  peekIdempotencyKey(key: string, requestHash: string): Promise<UnclaimedKey | undefined>;

  // ── Opening a session (POST sessions, two writes instead of five) ─────────────────────────────
  /**
   * Claims `key` and, only if this caller got the claim, inserts `session` (as `createSession` does)
   * in the same transaction, committed before it resolves: a concurrent request with the same key sees
   * `in_progress`, and a crash before the provider answers leaves a session to reconcile by reference.
   * A failed insert (taken id or reference: `StoreConflictError`) leaves the key unclaimed. Exactly one
   * of several concurrent callers gets `claimed`. A key nobody holds for an order that already has a
   * processing, authorized or succeeded session (not a duplicate) claims nothing and inserts nothing:
   * `order_paid` (checked in the inserting statement itself; a payment that commits at that very
   * moment is caught later as a duplicate, see `transition`).
   */
  openSession(input: OpenSessionInput): Promise<OpenSessionResult>;
  /**
   * After the provider answered, in one transaction: attaches its payment (as `attachProviderPayment`),
   * moves the session to `to` (as `transition` with source `initiate`: forward only, event and NOTIFY
   * when applied) and stores the idempotent response under `idempotency.key`. The stored body is the
   * `CreateSessionResponse` of the session as committed (`{sessionId, redirectUrl, status}`), so a
   * replay answers exactly what the first caller got. Unknown session: `SessionNotFoundError`; a payment
   * id attached elsewhere: `StoreConflictError`; either way nothing is written.
   */
  recordInitiation(input: InitiationInput): Promise<InitiationResult>;

  // ── Sessions ────────────────────────────────────────────────────────────────────────────────
  /** Inserts a session in status `created` and its first event. A taken id or reference: `StoreConflictError`. */
  createSession(input: NewSession): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /**
   * Every session opened for one order of the merchant's, newest first (a back office lists an order's
   * payment tries this way). An order without sessions: `[]`.
   */
  listSessionsByOrder(orderId: string): Promise<SessionRecord[]>;
  findByProviderRef(provider: string, providerRef: string): Promise<SessionRecord | undefined>;
  /**
   * Records the provider's payment id and redirect URL once the provider answered. Unknown session:
   * `SessionNotFoundError`; a payment id already attached to another session: `StoreConflictError`.
   */
  attachProviderPayment(input: AttachPaymentInput): Promise<SessionRecord>;
  /**
   * Moves a session forward if, and only if, `to` ranks above its current status and the current
   * status is not final (`canTransition` in @pay-checkout/contract), in one statement (CAS). When a
   * `notification` is given, its inbox row is inserted in the same transaction; a notification id
   * already in the inbox makes the whole call a no-op with `outcome: 'duplicate'`. Unknown session:
   * `SessionNotFoundError`, and nothing is recorded. A move to `authorized` / `succeeded` holds its
   * order's lock and marks the session `duplicateOf` the one that paid the order first, if any; every
   * move to a status the merchant hears about writes its payment event (the outbox) in the same
   * transaction. `recordInitiation` and `settleOperation` do the same for the moves they make.
   */
  transition(input: TransitionInput): Promise<TransitionResult>;
  /** Inbox row for a notification that changed nothing (a hint, or a late contradictory one): kept for audit and dedupe. */
  recordNotification(input: NotificationInput): Promise<{ duplicate: boolean }>;

  // ── Live status ─────────────────────────────────────────────────────────────────────────────
  /** Status events of a session with id greater than `afterEventId`, oldest first (SSE resume). */
  eventsSince(sessionId: string, afterEventId: number): Promise<StatusEvent[]>;
  /**
   * Calls `listener` after every committed status event, with ids only (PostgreSQL: LISTEN/NOTIFY,
   * so a rolled-back transaction is never seen, and every instance hears every change). The listener
   * must not throw (a throw is reported as a process warning) and should only schedule work.
   */
  subscribe(listener: (change: { sessionId: string; eventId: number }) => void): Promise<() => Promise<void>>;

  // ── Background reconciliation ───────────────────────────────────────────────────────────────
  /** Non-final sessions whose `nextPollAt` is due, oldest first. */
  duePolls(now: Date, limit: number): Promise<SessionRecord[]>;
  /** Sets when the poller looks at a session next (`null` stops polling it). */
  schedulePoll(id: string, nextPollAt: Date | null, pollAttempts: number): Promise<void>;

  // ── Routing: one row per provider try of POST sessions ──────────────────────────────────────
  /**
   * Starts try number `attempt` of a session at `provider`: sets the session's `provider` to it (only
   * while no provider payment is attached and the status is `created`; else `StoreConflictError`) and
   * inserts the attempt row with outcome `pending`, in one transaction.
   */
  startAttempt(input: { sessionId: string; attempt: number; provider: string }): Promise<SessionRecord>;
  /** Records how a try ended. Unknown (session, attempt): `SessionNotFoundError`. */
  finishAttempt(input: {
    sessionId: string;
    attempt: number;
    outcome: AttemptOutcome;
    errorCode?: string;
  }): Promise<void>;
  /** The tries of a session, first first. */
  listAttempts(sessionId: string): Promise<AttemptRecord[]>;

  // ── Merchant operations ledger (capture, void, refund) ──────────────────────────────────────
  /**
   * Reserves an operation, atomically with the checks that keep the ledger consistent under
   * concurrency (the session row is locked): the same (session, idempotency key) again answers
   * `replay` with the stored operation when `requestHash` matches, else `mismatch`; otherwise the
   * amount rules of `operations/settlement.ts` decide (`refused` with a code, nothing written), and a
   * passing operation is inserted as `pending`. Unknown session: `SessionNotFoundError`.
   */
  reserveOperation(input: NewOperation): Promise<ReserveOperationResult>;
  /**
   * Records the provider's answer to an operation: moves it from `pending` to `succeeded` or `failed`
   * (a final operation never changes: `ignored`), with the provider's id and reason. When `sessionTo`
   * is given, the session moves there in the same transaction (as `transition`, source `operation`),
   * e.g. `authorized → succeeded` on the first successful capture, `authorized → cancelled` on a void.
   * A `providerRef` given here replaces the stored one; left out, the stored one stays. Unknown
   * operation: `OperationNotFoundError`, and nothing is written.
   */
  settleOperation(
    input: SettleOperationInput,
  ): Promise<{ outcome: 'applied' | 'ignored'; operation: OperationRecord }>;
  /**
   * Keeps the provider's id for an operation it accepted but has not finished (`pending`), so that
   * its result, notified later under that id, finds it (`findOperationByProviderRef`). A final
   * operation is left as it is. Answers the operation as stored; unknown: `OperationNotFoundError`.
   */
  recordOperationRef(operationId: string, providerRef: string): Promise<OperationRecord>;
  /** An operation by the provider's id for it, within one session (notifications of operation results). */
  findOperationByProviderRef(sessionId: string, providerRef: string): Promise<OperationRecord | undefined>;
  listOperations(sessionId: string): Promise<OperationRecord[]>;

  // ── Payment events: the outbox of onPaymentEvent and merchant webhooks ───────────────────────
  /** Events not yet handed to `onPaymentEvent`, oldest first; only `sessionId`'s when given. */
  pendingHookEvents(limit: number, sessionId?: string): Promise<PaymentEventRecord[]>;
  /** `onPaymentEvent` returned for this event. */
  markHookDone(eventId: string): Promise<void>;
  /**
   * Leases up to `limit` undelivered webhook events that are due (oldest first): their next try moves
   * `leaseMs` ahead, so another instance does not send them meanwhile (`FOR UPDATE SKIP LOCKED`).
   */
  leaseDueWebhooks(now: Date, limit: number, leaseMs: number): Promise<PaymentEventRecord[]>;
  /**
   * Logs one delivery attempt and, in the same transaction, marks the event delivered or schedules its
   * next try at `nextAt`.
   */
  recordWebhookDelivery(input: WebhookDeliveryInput): Promise<void>;
  /** The delivery log, oldest first; one event's when given. */
  listWebhookDeliveries(eventId?: string): Promise<WebhookDeliveryRecord[]>;
  /** Every event of a session, oldest first. */
  listPaymentEvents(sessionId: string): Promise<PaymentEventRecord[]>;
  /**
   * Duplicates still holding money (authorized or succeeded) without an operation under the
   * idempotency key `duplicate:<sessionId>`: the automatic void or refund is still to be tried.
   */
  listUnsettledDuplicates(limit: number): Promise<SessionRecord[]>;

  // ── Running the kit: health, metrics, several instances (store/sql-operations.ts) ─────────────
  /** A trivial query: resolves when the database answers (`GET health`, which bounds the wait). */
  ping(): Promise<void>;
  /** How many sessions are in each status (`GET metrics`); statuses without sessions are left out. */
  countSessionsByStatus(): Promise<Map<SessionStatus, number>>;
  /**
   * The due sessions of `duePolls`, leased: each one's next look moves `leaseMs` ahead in the same
   * statement and rows another instance is leasing are skipped (`FOR UPDATE SKIP LOCKED`), so one
   * instance reconciles a session at a time. The poller reschedules each after its look.
   */
  leaseDuePolls(now: Date, limit: number, leaseMs: number): Promise<SessionRecord[]>;
  /** Makes leased, undelivered webhook events due now (a stopping instance gives back what it did not send). */
  releaseWebhookLeases(eventIds: readonly string[]): Promise<void>;
}

/** One row of the outbox. `body` is the contract's `PaymentEvent`, as written with the change. */
export interface PaymentEventRecord {
  id: string;
  sessionId: string;
  orderId: string;
  type: PaymentEventType;
  body: PaymentEvent;
  createdAt: Date;
  hookDoneAt?: Date;
  webhookDeliveredAt?: Date;
  webhookAttempts: number;
}

export interface WebhookDeliveryInput {
  eventId: string;
  /** 1 for the first try. */
  attempt: number;
  url: string;
  responseStatus?: number;
  error?: string;
  durationMs: number;
  delivered: boolean;
  /** When not delivered: the next try. */
  nextAt?: Date;
}

export interface WebhookDeliveryRecord extends Omit<WebhookDeliveryInput, 'delivered' | 'nextAt'> {
  at: Date;
}

export interface AttachPaymentInput {
  sessionId: string;
  providerRef: string;
  /** The URL the shopper is sent to (the provider's page, our `continue/` page, or our return page). */
  redirectUrl: string;
  providerData?: ProviderData;
  next: NextAction;
}

export interface AttemptRecord {
  sessionId: string;
  attempt: number;
  provider: string;
  outcome: AttemptOutcome;
  errorCode?: string;
  at: Date;
}

export interface NewOperation {
  /** Unique id (`op_…`), also handed to the provider as its idempotency key or reference. */
  id: string;
  sessionId: string;
  kind: OperationKind;
  /**
   * Minor units in the session's currency; `undefined` means the whole remainder (capture: authorized
   * minus reserved captures; refund: captured minus reserved refunds; void: the authorized amount),
   * computed inside the reservation.
   */
  amount?: number;
  idempotencyKey: string;
  requestHash: string;
}

export interface OperationRecord {
  id: string;
  sessionId: string;
  kind: OperationKind;
  amount: number;
  currency: string;
  status: OperationStatus;
  providerRef?: string;
  reason?: string;
  idempotencyKey: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a reservation was refused; the route answers each with its own code (see `operations/`). */
export type OperationRefusal =
  | 'payment_not_final' // the session has not reached authorized / succeeded
  | 'payment_failed' // failed, cancelled or expired: nothing to operate on
  | 'already_captured' // void after a capture
  | 'already_voided' // anything after a void
  | 'not_capturable' // capture on a payment that was never only authorized (a sale)
  | 'amount_exceeds_authorized' // capture above the authorized remainder
  | 'amount_exceeds_refundable' // refund above captured minus refunded
  | 'nothing_to_refund'; // refund before any capture

export type ReserveOperationResult =
  | {
      kind: 'reserved';
      operation: OperationRecord;
      /**
       * True when the amount is everything that was left to capture or refund when the row lock was
       * held (always for a void): what `OperationInput.full` tells the provider.
       */
      full: boolean;
    }
  | { kind: 'replay'; operation: OperationRecord }
  | { kind: 'mismatch' }
  | { kind: 'refused'; refusal: OperationRefusal };

export interface SettleOperationInput {
  operationId: string;
  status: 'succeeded' | 'failed';
  providerRef?: string;
  reason?: string;
  /** Moves the session in the same transaction (forward only, as `transition`). */
  sessionTo?: SessionStatus;
  providerStatus?: string;
}

export interface NewSession {
  id: string;
  orderId: string;
  provider: string;
  method: PaymentMethod;
  bank?: string;
  language?: string;
  country?: string;
  amount: number; // minor units
  currency: string;
  description: string;
  /** Our reference at the provider (for reconciliation after a timed-out initiation). */
  reference: string;
  expiresAt: Date;
  nextPollAt: Date | null;
  /** Seeded by the kit before the provider is called (a top-up's target), kept as `providerData`. */
  providerData?: ProviderData;
}

export interface SessionRecord extends NewSession {
  status: SessionStatus;
  reason?: StatusReason;
  providerRef?: string;
  redirectUrl?: string;
  /** What the kit seeded and the adapter asked to keep (`ProviderInitiation.providerData`). */
  providerData?: ProviderData;
  /** The adapter's next action as it gave it; `continue/:id` serves a `form_post` from here. */
  next?: NextAction;
  pollAttempts: number;
  /**
   * Set when this payment reached authorized / succeeded while another session of the same order
   * already had: the id of that session (store/order-sql.ts).
   */
  duplicateOf?: string;
  /** Incremented on every change; lets callers detect concurrent writers. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' } // same key, different body → 422
  | { kind: 'in_progress' }; // same key, first request still running → 409

/** A key somebody else holds (or held): everything but `claimed`. */
export type UnclaimedKey = Exclude<IdempotencyClaim, { kind: 'claimed' }>;

export interface OpenSessionInput {
  key: string;
  requestHash: string;
  session: NewSession;
}

export type OpenSessionResult =
  | { kind: 'claimed'; session: SessionRecord }
  /** The key was free, but the order already has a processing, authorized or succeeded session. */
  | { kind: 'order_paid'; sessionId: string }
  | UnclaimedKey;

export interface InitiationInput {
  sessionId: string;
  providerRef: string;
  redirectUrl: string;
  /**
   * The try (`payment_attempts`) that made the payment, recorded as `created` at the session's provider
   * in the same write (a row `startAttempt` inserted is updated): a first try that works costs no write
   * of its own.
   */
  attempt?: number;
  providerData?: ProviderData;
  next: NextAction;
  /** The status the provider reported for its new payment. */
  to: SessionStatus;
  reason?: StatusReason;
  providerStatus?: string;
  idempotency: { key: string; responseStatus: number };
}

export interface InitiationResult {
  /** `applied` when the status moved (one event, announced); `ignored` when it could not. */
  outcome: 'applied' | 'ignored';
  session: SessionRecord;
  event?: StatusEvent;
  /** What was stored under the key: the answer to give. */
  response: StoredResponse;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type EventSource =
  | 'create'
  | 'initiate'
  | 'notification'
  | 'reconcile'
  | 'poller'
  | 'expiry'
  | 'operation';

export interface NotificationInput {
  provider: string;
  /** Dedupe key within the provider. */
  notificationId: string;
  /** Must name an existing session (checked when the transaction commits), or be left out. */
  sessionId?: string;
  /** Raw body as received (already size-limited), kept for audit. */
  payload: string;
}

export interface TransitionInput {
  sessionId: string;
  to: SessionStatus;
  reason?: StatusReason;
  source: EventSource;
  /** The provider's own status word, kept in the event for the audit trail. */
  providerStatus?: string;
  notification?: NotificationInput;
}

export type TransitionResult =
  | { outcome: 'applied'; session: SessionRecord; event: StatusEvent }
  | { outcome: 'duplicate'; session: SessionRecord }
  | { outcome: 'ignored'; session: SessionRecord }; // not forward, or already final: recorded, not applied

export interface StatusEvent {
  /** Store-wide increasing id: the SSE `id:` and `Last-Event-ID`. */
  id: number;
  sessionId: string;
  status: SessionStatus;
  reason?: StatusReason;
  source: EventSource;
  providerStatus?: string;
  at: Date;
}

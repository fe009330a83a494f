import type { PaymentEvent } from '@pay-checkout/contract';
import { supportedOperation } from '../operations/operation-support.js';
import { settleDuplicate } from '../operations/settle-duplicate.js';
import { backoffDelay } from '../sessions/backoff.js';
import type { KitContext } from '../sessions/kit-context.js';
import type { PaymentEventRecord, SessionRecord } from '../store/store.js';
import { deliverWebhook } from './delivery.js';

/** Events (or deliveries, or duplicates) one background pass handles; the rest wait for the next. */
const BATCH = 50;
/** A failing `onPaymentEvent` is retried in the background with backoff from 1 s up to 5 min. */
const HOOK_RETRY = { baseMs: 1000, capMs: 5 * 60_000 };

/**
 * Hands every payment event of the outbox (`payment_events`, written with the status change) to the
 * merchant: to `onPaymentEvent` in process and to the signed webhook URL, each at least once, in the
 * order they were written; and gives back duplicate payments (`settleDuplicate`). Work happens right
 * after a change (`afterChange`), and a background pass retries whatever is left (a throwing hook, a
 * receiver that is down, a process that stopped mid-way: the outbox survives restarts).
 */
export class PaymentEventDispatcher {
  readonly #context: KitContext;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  /** In-process backoff of failing hooks, by event id. */
  readonly #hookRetryAt = new Map<string, { at: number; failures: number }>();
  /** Hooks running now in this process: never call one event's hook twice at once. */
  readonly #hooksInFlight = new Map<string, Promise<void>>();

  constructor(context: KitContext) {
    this.#context = context;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
    await Promise.allSettled([...this.#hooksInFlight.values()]);
  }

  /**
   * Hands the session's pending events to `onPaymentEvent`, oldest first, awaiting each. The first
   * throw stops the run and is rethrown (the notification route then answers non-2xx, so the provider
   * redelivers and the next run retries); the events after it wait their turn.
   */
  async runHooks(sessionId: string): Promise<void> {
    const hook = this.#context.config.onPaymentEvent;
    if (hook === undefined) return;
    for (const event of await this.#context.store.pendingHookEvents(BATCH, sessionId)) {
      await this.#runHook(event, hook);
    }
  }

  /**
   * After a status change was committed: a new duplicate is given back, the hooks run (a throw is
   * logged and retried in the background unless `rethrow`), and deliveries start without waiting for
   * the next pass.
   */
  async afterChange(session: SessionRecord, options: { hooks: boolean }): Promise<void> {
    // `created` and `pending` write no event (store/order-sql.ts): nothing to hand over, nothing to kick.
    if (session.status === 'created' || session.status === 'pending') return;
    if (session.duplicateOf !== undefined) await settleDuplicate(this.#context, session);
    if (options.hooks) {
      await this.runHooks(session.id).catch((error: unknown) =>
        this.#context.log.warn(
          { sessionId: session.id, err: error },
          'onPaymentEvent failed; retried in the background',
        ),
      );
    }
    this.kick();
  }

  /** Runs a pass soon (coalesced with one already running). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.runOnce();
  }

  /** One pass: pending hooks, due webhook deliveries, unsettled duplicates. Also from `reconcileDue()`. */
  runOnce(now = new Date()): Promise<void> {
    if (!this.#running) {
      this.#running = this.#pass(now)
        .catch((error: unknown) => this.#context.log.error({ err: error }, 'payment events pass failed'))
        .finally(() => {
          this.#running = undefined;
          if (this.#again && !this.#stopped) {
            this.#again = false;
            void this.runOnce();
          }
        });
    }
    return this.#running;
  }

  #schedule(): void {
    if (this.#stopped) return;
    const every = Math.min(this.#context.config.pollIntervalMs, 1000);
    this.#timer = setTimeout(() => {
      void this.runOnce().finally(() => this.#schedule());
    }, every);
    this.#timer.unref();
  }

  async #pass(now: Date): Promise<void> {
    const { config, store, log } = this.#context;
    const hook = config.onPaymentEvent;
    if (hook !== undefined) {
      for (const event of await store.pendingHookEvents(BATCH)) {
        if (this.#stopped) return;
        const retry = this.#hookRetryAt.get(event.id);
        if (retry !== undefined && retry.at > now.getTime()) continue;
        await this.#runHook(event, hook).catch((error: unknown) =>
          log.warn({ eventId: event.id, err: error }, 'onPaymentEvent failed; retried later'),
        );
      }
    }
    const webhooks = config.webhooks;
    if (webhooks !== undefined) {
      const due = await store.leaseDueWebhooks(now, BATCH, webhooks.timeoutMs + 5000);
      for (const [index, event] of due.entries()) {
        if (this.#stopped) {
          // Shutting down: what this pass leased but did not send is due again at once, so another
          // instance (or this one after a restart) sends it without waiting for the lease to run out.
          await store.releaseWebhookLeases(due.slice(index).map((left) => left.id));
          return;
        }
        const outcome = await deliverWebhook(store, webhooks, event);
        if (!outcome.delivered) {
          log.warn(
            { eventId: event.id, type: event.type, status: outcome.responseStatus, error: outcome.error },
            'merchant webhook not delivered; retried with backoff',
          );
        }
      }
    }
    for (const session of await store.listUnsettledDuplicates(BATCH)) {
      if (this.#stopped) return;
      if (!this.#canGiveBack(session)) continue;
      await settleDuplicate(this.#context, session);
    }
  }

  /** Whether the duplicate's provider has the operation that gives it back (else it is only reported). */
  #canGiveBack(session: SessionRecord): boolean {
    try {
      supportedOperation(this.#context, session, session.status === 'authorized' ? 'void' : 'refund');
      return true;
    } catch {
      return false;
    }
  }

  async #runHook(event: PaymentEventRecord, hook: (event: PaymentEvent) => unknown): Promise<void> {
    const running = this.#hooksInFlight.get(event.id);
    if (running) return running;
    const run = (async () => {
      try {
        await hook(structuredClone(event.body));
      } catch (error) {
        const failures = (this.#hookRetryAt.get(event.id)?.failures ?? 0) + 1;
        const delay = backoffDelay(failures - 1, HOOK_RETRY.baseMs, HOOK_RETRY.capMs);
        this.#hookRetryAt.set(event.id, { at: Date.now() + delay, failures });
        throw error;
      }
      this.#hookRetryAt.delete(event.id);
      await this.#context.store.markHookDone(event.id);
    })().finally(() => this.#hooksInFlight.delete(event.id));
    this.#hooksInFlight.set(event.id, run);
    return run;
  }
}

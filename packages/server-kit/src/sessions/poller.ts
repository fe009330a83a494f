import { isFinalStatus } from '@pay-checkout/contract';
import type { Logger } from 'pino';
import {
  backoffDelay,
  LATE_POLL_BACKOFF_CAP_MS,
  LATE_POLL_HORIZON_MS,
  POLL_BACKOFF_CAP_MS,
} from './backoff.js';
import type { KitContext } from './kit-context.js';
import { reconcileSession } from './reconcile.js';

/** How many due sessions one tick handles; the rest wait for the next tick. */
const BATCH = 50;
/**
 * How long a tick's batch is leased to this instance: above a whole batch of slow provider looks; a
 * session whose instance died is looked at again by another one once it runs out.
 */
const POLL_LEASE_MS = 60_000;

/**
 * Providers may never notify (or their notifications get lost), so the kit also asks them. Every
 * tick takes the non-final sessions whose `nextPollAt` is due, reconciles each with its provider, and
 * reschedules it with capped exponential backoff plus jitter; it stops at a final status. Before
 * `expiresAt` the next look is never later than that moment (a session no provider has gets expired
 * then); after it, a payment the provider still has open is looked at up to an hour apart, for up to
 * `LATE_POLL_HORIZON_MS` (backoff.ts).
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly context: KitContext) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for a tick in flight, so `close()` leaves nothing running. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass over the due sessions; returns how many were looked at. Also callable from a cron. */
  runOnce(now = new Date()): Promise<number> {
    if (!this.running) {
      this.running = this.tick(now).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    // Look often enough to honour the base interval; the backoff itself lives in each row's nextPollAt.
    const every = Math.min(this.context.config.pollIntervalMs, 1000);
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.context.log.error({ err: error }, 'poller tick failed'))
        .finally(() => this.schedule());
    }, every);
    // The poller alone must not keep a process alive; the HTTP server does that.
    this.timer.unref();
  }

  private async tick(now: Date): Promise<number> {
    const { store, log, config } = this.context;
    // Leased, so that with several instances on one database each session has one reconciler at a time.
    const due = await store.leaseDuePolls(now, BATCH, POLL_LEASE_MS);
    for (const [index, session] of due.entries()) {
      if (this.stopped) {
        // Shutting down: the rest of the batch is given back as it was, for another instance to take now.
        for (const left of due.slice(index)) {
          await store
            .schedulePoll(left.id, left.nextPollAt ?? null, left.pollAttempts)
            .catch(() => undefined);
        }
        break;
      }
      // The next look backs off whether this one succeeded or failed.
      const attempts = session.pollAttempts + 1;
      const late = now >= session.expiresAt;
      const cap = late ? LATE_POLL_BACKOFF_CAP_MS : POLL_BACKOFF_CAP_MS;
      const delay = backoffDelay(attempts, config.pollIntervalMs, cap);
      try {
        const current = await reconcileSession(this.context, session, 'poller', now);
        if (isFinalStatus(current.status)) continue; // applyProviderStatus already cleared nextPollAt
        await store.schedulePoll(
          session.id,
          nextLook(current.expiresAt, now, delay, log, session.id),
          attempts,
        );
      } catch (error) {
        log.warn({ sessionId: session.id, err: error }, 'poll failed; backing off');
        await store
          .schedulePoll(session.id, new Date(now.getTime() + delay), attempts)
          .catch(() => undefined);
      }
    }
    return due.length;
  }
}

/** When to look at a non-final session next; null once the provider has kept it open past the horizon. */
function nextLook(expiresAt: Date, now: Date, delay: number, log: Logger, sessionId: string): Date | null {
  const at = now.getTime() + delay;
  if (now < expiresAt) return new Date(Math.min(at, Math.max(expiresAt.getTime(), now.getTime() + 1)));
  if (at > expiresAt.getTime() + LATE_POLL_HORIZON_MS) {
    log.warn(
      { sessionId },
      'the provider still has this payment open long after the session expired; the poller stops asking (a notification or a return-page visit still updates it)',
    );
    return null;
  }
  return new Date(at);
}

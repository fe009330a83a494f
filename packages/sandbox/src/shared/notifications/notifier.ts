/**
 * Delivers a stage's notifications (webhooks) to the merchant: one `POST` per notification, retried on
 * a non-2xx answer, a network error or a timeout with exponential backoff (base 200 ms, ×2 per attempt,
 * ±25 % jitter, at most 5 attempts), every attempt recorded in the delivery log. Per notification, the
 * knobs: a delay before the first attempt, duplicate delivery, and reordering (intermediate notifications
 * of a payment are held back and sent after its final one). What a notification says and how it is
 * signed is the stage's: it hands over the raw body and the headers of each attempt.
 */

import type { NotificationKnobs } from '../knobs/knob-board.js';
import { lifetimeController } from '../lifetime.js';
import { sleep } from '../sleep.js';

/** One notification a stage wants delivered. */
export interface OutgoingNotification {
  /** The payment it is about; the delivery log and the reorder knob group by it. */
  paymentId: string;
  url: string;
  /** The payment status it reports, for the log. */
  status: string;
  /** A final status: sends it and then releases what the reorder knob held back. */
  final: boolean;
  /** The exact bytes posted, identical across retries and copies. */
  rawBody: string;
  knobs: NotificationKnobs;
  /** The key the stage signs it with (e.g. the merchant's notification secret), handed back to `headersFor`. */
  signingKey?: string;
}

export interface DeliveryAttempt<Status extends string = string> {
  paymentId: string;
  url: string;
  /** The payment status this notification reports. */
  status: Status;
  /** 1-based attempt number within one delivery. */
  attempt: number;
  /** 1 normally; 2 for the second copy when duplicates are on. */
  copy: number;
  /** HTTP status of the answer; absent on a network error or timeout. */
  statusCode?: number;
  error?: string;
  delivered: boolean;
  at: string;
}

export interface NotifierOptions {
  /** The headers of one attempt: content type, the provider's own headers, its signature. */
  headersFor(notification: OutgoingNotification, attempt: number, at: Date): Record<string, string>;
  /** Called once per attempt after it is logged (ConnectPay writes a line in the payment's history). */
  onAttempt?(attempt: DeliveryAttempt): void;
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Per-attempt timeout; a receiver that hangs counts as a failed attempt. */
  attemptTimeoutMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => Date;
}

export interface Notifier {
  /** Schedules a notification (with its delay, copies and ordering knobs). */
  notify(notification: OutgoingNotification): void;
  deliveries(): DeliveryAttempt[];
  /** Resolves when every scheduled delivery (incl. retries and held ones released) has settled. */
  idle(): Promise<void>;
  /** Drops held notifications and the attempt log; cancels deliveries in flight. */
  reset(): void;
  /** Cancels every timer and delivery, so that the process can exit. */
  close(): Promise<void>;
}

export const NOTIFICATION_RETRY_BASE_MS = 200;
export const NOTIFICATION_MAX_ATTEMPTS = 5;

export function createNotifier(options: NotifierOptions): Notifier {
  const retryBaseMs = options.retryBaseMs ?? NOTIFICATION_RETRY_BASE_MS;
  const maxAttempts = options.maxAttempts ?? NOTIFICATION_MAX_ATTEMPTS;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5000;
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  let attempts: DeliveryAttempt[] = [];
  /** Intermediate notifications held back by the reorder knob, per payment. */
  const held = new Map<string, OutgoingNotification[]>();
  const inFlight = new Set<Promise<void>>();
  let lifetime = lifetimeController();

  function notify(notification: OutgoingNotification): void {
    if (notification.knobs.reorderNotifications) {
      if (!notification.final) {
        held.set(notification.paymentId, [...(held.get(notification.paymentId) ?? []), notification]);
        return;
      }
      const earlier = held.get(notification.paymentId) ?? [];
      held.delete(notification.paymentId);
      track(sendInOrder([notification, ...earlier], lifetime.signal));
      return;
    }
    track(send(notification, lifetime.signal));
  }

  function track(job: Promise<void>): void {
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }

  async function sendInOrder(notifications: OutgoingNotification[], signal: AbortSignal): Promise<void> {
    for (const notification of notifications) {
      if (signal.aborted) return;
      await send(notification, signal);
    }
  }

  /** One notification: its delay, then one delivery per copy (two with the duplicate knob), in parallel. */
  async function send(notification: OutgoingNotification, signal: AbortSignal): Promise<void> {
    await sleep(notification.knobs.notificationDelayMs, signal);
    if (signal.aborted) return;
    const copies = notification.knobs.duplicateNotifications ? 2 : 1;
    await Promise.all(Array.from({ length: copies }, (_, index) => deliver(notification, index + 1, signal)));
  }

  async function deliver(
    notification: OutgoingNotification,
    copy: number,
    signal: AbortSignal,
  ): Promise<void> {
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (signal.aborted) return;
      let statusCode: number | undefined;
      let error: string | undefined;
      try {
        const response = await doFetch(notification.url, {
          method: 'POST',
          headers: options.headersFor(notification, attempt, now()),
          body: notification.rawBody,
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(attemptTimeoutMs)]),
        });
        statusCode = response.status;
        await response.body?.cancel();
      } catch (cause) {
        if (signal.aborted) return;
        error = cause instanceof Error ? cause.name : 'network error';
      }
      const delivered = statusCode !== undefined && statusCode >= 200 && statusCode < 300;
      record({
        paymentId: notification.paymentId,
        url: notification.url,
        status: notification.status,
        attempt,
        copy,
        delivered,
        statusCode,
        error,
      });
      if (delivered) return;
      if (attempt < maxAttempts) await sleep(backoffMs(attempt), signal);
    }
  }

  function backoffMs(attempt: number): number {
    return Math.round(retryBaseMs * 2 ** (attempt - 1) * (0.75 + random() * 0.5));
  }

  function record(entry: Omit<DeliveryAttempt, 'at'>): void {
    const logged = { ...entry, at: now().toISOString() };
    attempts.push(logged);
    options.onAttempt?.({ ...logged });
  }

  return {
    notify,
    deliveries: () => attempts.map((entry) => ({ ...entry })),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    reset: () => {
      lifetime.abort();
      lifetime = lifetimeController();
      held.clear();
      attempts = [];
    },
    close: async () => {
      lifetime.abort();
      held.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

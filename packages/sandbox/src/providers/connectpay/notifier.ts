import { sleep } from '../../http/sleep.js';
import type { SandboxPaymentBook } from './book.js';
import type { ConnectPayStatus, SandboxPayment } from './model.js';
import { FINAL_CONNECTPAY_STATUSES } from './model.js';
import { NOTIFICATION_SIGNATURE_HEADER, signNotification } from './notification-signature.js';

/**
 * Delivers ConnectPay `notificationUrl` callbacks: on every status change, `POST` the Get payment details
 * body (PROVIDER-WIRE.md §1). ConnectPay "retries up to 5 times on error"; the sandbox retries non-2xx
 * answers and network errors with exponential backoff (base 200 ms, ×2 per attempt, ±25 % jitter, at most
 * 5 attempts), and records each attempt in the payment's history and in `deliveries()`.
 * Knobs per payment: delay before the first attempt, duplicate delivery, and reordering (intermediate
 * notifications are held back and sent after the final one).
 */
export interface DeliveryAttempt {
  paymentId: string;
  url: string;
  /** The payment status this notification reports. */
  status: ConnectPayStatus;
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
  book: SandboxPaymentBook;
  /** The notification body for a payment snapshot (the details body). */
  bodyOf(payment: SandboxPayment): unknown;
  /** The client's notification secret for the sandbox-only signature; undefined → unsigned. */
  secretOf(payment: SandboxPayment): string | undefined;
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Per-attempt timeout; a receiver that hangs counts as a failed attempt. */
  attemptTimeoutMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => Date;
}

export interface Notifier {
  deliveries(): DeliveryAttempt[];
  /** Resolves when every scheduled delivery (incl. retries and held ones released) has settled. */
  idle(): Promise<void>;
  /** Drops held notifications and the attempt log; cancels deliveries in flight. */
  reset(): void;
  /** Unsubscribes and cancels every timer, so that the process can exit. */
  close(): Promise<void>;
}

interface Notification {
  payment: SandboxPayment;
  rawBody: string;
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
  const held = new Map<string, Notification[]>();
  const inFlight = new Set<Promise<void>>();
  let lifetime = new AbortController();

  const unsubscribe = options.book.onStatusChange((payment) => {
    if (!payment.notificationUrl) return;
    const notification: Notification = { payment, rawBody: JSON.stringify(options.bodyOf(payment)) };
    if (payment.knobs.reorderNotifications) {
      if (!FINAL_CONNECTPAY_STATUSES.includes(payment.status)) {
        held.set(payment.paymentId, [...(held.get(payment.paymentId) ?? []), notification]);
        return;
      }
      const earlier = held.get(payment.paymentId) ?? [];
      held.delete(payment.paymentId);
      track(sendInOrder([notification, ...earlier], lifetime.signal));
      return;
    }
    track(send(notification, lifetime.signal));
  });

  function track(job: Promise<void>): void {
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }

  async function sendInOrder(notifications: Notification[], signal: AbortSignal): Promise<void> {
    for (const notification of notifications) {
      if (signal.aborted) return;
      await send(notification, signal);
    }
  }

  /** One notification: its delay, then one delivery per copy (two with the duplicate knob), in parallel. */
  async function send(notification: Notification, signal: AbortSignal): Promise<void> {
    await sleep(notification.payment.knobs.notificationDelayMs, signal);
    if (signal.aborted) return;
    const copies = notification.payment.knobs.duplicateNotifications ? 2 : 1;
    await Promise.all(Array.from({ length: copies }, (_, index) => deliver(notification, index + 1, signal)));
  }

  async function deliver(notification: Notification, copy: number, signal: AbortSignal): Promise<void> {
    const { payment, rawBody } = notification;
    const url = payment.notificationUrl!;
    const secret = options.secretOf(payment);
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (signal.aborted) return;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'pay-sandbox-connectpay-notifier',
        'x-connectpay-timestamp': now().toISOString(),
        'x-sandbox-attempt': String(attempt),
      };
      if (secret) headers[NOTIFICATION_SIGNATURE_HEADER] = signNotification({ rawBody, secret });
      let statusCode: number | undefined;
      let error: string | undefined;
      try {
        const response = await doFetch(url, {
          method: 'POST',
          headers,
          body: rawBody,
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
        paymentId: payment.paymentId,
        url,
        status: payment.status,
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
    const at = now().toISOString();
    attempts.push({ ...entry, at });
    const outcome =
      entry.statusCode !== undefined ? `HTTP ${entry.statusCode}` : (entry.error ?? 'no answer');
    const copyNote = entry.copy > 1 ? ` (duplicate copy ${entry.copy})` : '';
    try {
      options.book.addNote(
        entry.paymentId,
        `notification ${entry.status} attempt ${entry.attempt}${copyNote}: ${outcome}${entry.delivered ? '' : ', not delivered'}`,
      );
    } catch {
      // The payment was reset away while the delivery ran; the attempt log above still has it.
    }
  }

  return {
    deliveries: () => attempts.map((entry) => ({ ...entry })),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    reset: () => {
      lifetime.abort();
      lifetime = new AbortController();
      held.clear();
      attempts = [];
    },
    close: async () => {
      unsubscribe();
      lifetime.abort();
      held.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

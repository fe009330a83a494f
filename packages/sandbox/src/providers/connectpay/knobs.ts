import { z } from 'zod';
import type { PaymentKnobs } from './model.js';

/**
 * Test knobs. Global ones (`GET/PUT {base}/admin/knobs`) are the defaults for every API call and every new
 * payment; a payment may override them at initiation with `X-Sandbox-*` headers or later through
 * `PUT {base}/admin/payments/{id}/knobs`.
 */
export interface GlobalKnobs {
  /** Delay before every API call is answered. */
  latencyMs: number;
  /** Share (0..1) of API calls answered 500 `sandbox_injected_error` before doing anything. */
  errorRate: number;
  notificationDelayMs: number;
  duplicateNotifications: boolean;
  reorderNotifications: boolean;
}

export const DEFAULT_KNOBS: GlobalKnobs = {
  latencyMs: 0,
  errorRate: 0,
  notificationDelayMs: 0,
  duplicateNotifications: false,
  reorderNotifications: false,
};

/** Upper bound for any delay knob: long enough to hit any client timeout, short enough to never hang CI. */
export const MAX_DELAY_MS = 120_000;

const delay = z.number().int().min(0).max(MAX_DELAY_MS);

export const globalKnobsSchema = z
  .object({
    latencyMs: delay,
    errorRate: z.number().min(0).max(1),
    notificationDelayMs: delay,
    duplicateNotifications: z.boolean(),
    reorderNotifications: z.boolean(),
  })
  .partial()
  .strict();

export const paymentKnobsSchema = z
  .object({
    latencyMs: delay,
    notificationDelayMs: delay,
    duplicateNotifications: z.boolean(),
    reorderNotifications: z.boolean(),
  })
  .partial()
  .strict();

export type PaymentKnobsPatch = z.infer<typeof paymentKnobsSchema>;

export const failNextSchema = z
  .object({
    clientId: z.string().min(1).optional(),
    statuses: z.array(z.number().int().min(400).max(599)).min(1).max(20),
  })
  .strict();

/** Per-payment knobs read from the `X-Sandbox-*` headers of an initiation; invalid values → field errors. */
export interface HeaderKnobs {
  knobs: PaymentKnobsPatch;
  failNext: number[];
  errors: { path: string; message: string }[];
}

export function readKnobHeaders(headers: Headers): HeaderKnobs {
  const knobs: PaymentKnobsPatch = {};
  const errors: { path: string; message: string }[] = [];
  const readDelay = (name: string, key: 'latencyMs' | 'notificationDelayMs'): void => {
    const value = headers.get(name);
    if (value === null) return;
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed > MAX_DELAY_MS) {
      errors.push({ path: `headers.${name}`, message: `must be an integer from 0 to ${MAX_DELAY_MS}` });
    } else knobs[key] = parsed;
  };
  const readFlag = (name: string, key: 'duplicateNotifications' | 'reorderNotifications'): void => {
    const value = headers.get(name);
    if (value === null) return;
    if (!['0', '1', 'true', 'false'].includes(value.trim())) {
      errors.push({ path: `headers.${name}`, message: 'must be 1 or 0' });
    } else knobs[key] = value.trim() === '1' || value.trim() === 'true';
  };
  readDelay('x-sandbox-latency-ms', 'latencyMs');
  readDelay('x-sandbox-notification-delay-ms', 'notificationDelayMs');
  readFlag('x-sandbox-duplicate-notifications', 'duplicateNotifications');
  readFlag('x-sandbox-reorder-notifications', 'reorderNotifications');
  const failNext: number[] = [];
  const failText = headers.get('x-sandbox-fail-next');
  if (failText !== null) {
    for (const item of failText.split(',')) {
      const status = Number(item.trim());
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        errors.push({
          path: 'headers.x-sandbox-fail-next',
          message: 'must list HTTP statuses 400-599, e.g. 500,503',
        });
        break;
      }
      failNext.push(status);
    }
  }
  return { knobs, failNext, errors };
}

/** The mutable knob state of one ConnectPay stage. */
export interface KnobBoard {
  global(): GlobalKnobs;
  setGlobal(patch: Partial<GlobalKnobs>): GlobalKnobs;
  /** The knobs a new payment starts with: the global defaults, overridden by the initiation's headers. */
  forNewPayment(patch: PaymentKnobsPatch): PaymentKnobs;
  /** Per-payment latency (not part of `PaymentKnobs`, which the notifier reads). */
  paymentLatency(paymentId: string): number | undefined;
  setPaymentLatency(paymentId: string, latencyMs: number): void;
  /** Queues statuses that the client's next API calls answer, one per call. */
  queueFailures(clientId: string, statuses: number[]): void;
  /** Pops the status this call must fail with, if a failure is queued or the error rate says so. */
  injectedFailure(clientId: string): number | undefined;
  pendingFailures(): Record<string, number[]>;
  reset(): void;
}

export function createKnobBoard(random: () => number = Math.random): KnobBoard {
  let global: GlobalKnobs = { ...DEFAULT_KNOBS };
  const latencies = new Map<string, number>();
  const failures = new Map<string, number[]>();
  return {
    global: () => ({ ...global }),
    setGlobal: (patch) => {
      global = { ...global, ...patch };
      return { ...global };
    },
    forNewPayment: (patch) => ({
      notificationDelayMs: patch.notificationDelayMs ?? global.notificationDelayMs,
      duplicateNotifications: patch.duplicateNotifications ?? global.duplicateNotifications,
      reorderNotifications: patch.reorderNotifications ?? global.reorderNotifications,
    }),
    paymentLatency: (paymentId) => latencies.get(paymentId),
    setPaymentLatency: (paymentId, latencyMs) => {
      latencies.set(paymentId, latencyMs);
    },
    queueFailures: (clientId, statuses) => {
      failures.set(clientId, [...(failures.get(clientId) ?? []), ...statuses]);
    },
    injectedFailure: (clientId) => {
      const queue = failures.get(clientId);
      if (queue && queue.length > 0) {
        const status = queue.shift();
        if (queue.length === 0) failures.delete(clientId);
        return status;
      }
      // `random() < 1` always holds, so errorRate 1 fails every call and 0 never does.
      return global.errorRate > 0 && random() < global.errorRate ? 500 : undefined;
    },
    pendingFailures: () => Object.fromEntries(failures),
    reset: () => {
      global = { ...DEFAULT_KNOBS };
      latencies.clear();
      failures.clear();
    },
  };
}

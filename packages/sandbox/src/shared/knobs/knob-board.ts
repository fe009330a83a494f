import { z } from 'zod';

/**
 * Test knobs of one stage. Global ones (`GET/PUT {base}/admin/knobs`) are the defaults for every API
 * call and every new payment. The API knobs (latency, error rate) may be set per API client, i.e. per
 * merchant account (`PUT {base}/admin/knobs?clientId=…`), so that one account of a provider fails while
 * another works (failover tests). A payment may override the notification knobs at initiation with
 * `X-Sandbox-*` headers (`knob-headers.ts`) or later through the stage's admin API.
 */

/** The knobs the notifier reads, copied into each payment when it is created. */
export interface NotificationKnobs {
  notificationDelayMs: number;
  /** Deliver every notification twice. */
  duplicateNotifications: boolean;
  /** Hold intermediate notifications and send them after the final one. */
  reorderNotifications: boolean;
}

export interface GlobalKnobs extends NotificationKnobs {
  /** Delay before every API call is answered. */
  latencyMs: number;
  /** Share (0..1) of API calls answered 500 `sandbox_injected_error` before doing anything. */
  errorRate: number;
}

/** One API client's own latency and error rate; what it leaves out follows the global knobs. */
export interface ClientKnobs {
  latencyMs?: number;
  errorRate?: number;
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
const errorRate = z.number().min(0).max(1);

export const globalKnobsSchema = z
  .object({
    latencyMs: delay,
    errorRate,
    notificationDelayMs: delay,
    duplicateNotifications: z.boolean(),
    reorderNotifications: z.boolean(),
  })
  .partial()
  .strict();

/** `null` removes the client's own value, so that it follows the global knob again. */
export const clientKnobsSchema = z
  .object({ latencyMs: delay.nullable(), errorRate: errorRate.nullable() })
  .partial()
  .strict();
export type ClientKnobsPatch = z.infer<typeof clientKnobsSchema>;

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

/** The mutable knob state of one stage. */
export interface KnobBoard {
  global(): GlobalKnobs;
  setGlobal(patch: Partial<GlobalKnobs>): GlobalKnobs;
  /** The client's own knobs (only what was set for it). */
  client(clientId: string): ClientKnobs;
  setClient(clientId: string, patch: ClientKnobsPatch): ClientKnobs;
  /** Every client with knobs of its own. */
  clients(): Record<string, ClientKnobs>;
  /** The latency of the client's API calls: its own, else the global one. */
  latencyFor(clientId: string | undefined): number;
  /** The knobs a new payment starts with: the global defaults, overridden by the initiation's headers. */
  forNewPayment(patch: PaymentKnobsPatch): NotificationKnobs;
  /** Per-payment latency (not part of `NotificationKnobs`, which the notifier reads). */
  paymentLatency(paymentId: string): number | undefined;
  setPaymentLatency(paymentId: string, latencyMs: number): void;
  /** Queues statuses that the client's next API calls answer, one per call. */
  queueFailures(clientId: string, statuses: number[]): void;
  /** Pops the status this call must fail with, if a failure is queued or the (client's) error rate says so. */
  injectedFailure(clientId: string): number | undefined;
  pendingFailures(): Record<string, number[]>;
  reset(): void;
}

export function createKnobBoard(random: () => number = Math.random): KnobBoard {
  let global: GlobalKnobs = { ...DEFAULT_KNOBS };
  const perClient = new Map<string, ClientKnobs>();
  const latencies = new Map<string, number>();
  const failures = new Map<string, number[]>();
  return {
    global: () => ({ ...global }),
    setGlobal: (patch) => {
      global = { ...global, ...patch };
      return { ...global };
    },
    client: (clientId) => ({ ...perClient.get(clientId) }),
    setClient: (clientId, patch) => {
      const next: ClientKnobs = { ...perClient.get(clientId) };
      for (const key of ['latencyMs', 'errorRate'] as const) {
        const value = patch[key];
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      if (Object.keys(next).length === 0) perClient.delete(clientId);
      else perClient.set(clientId, next);
      return { ...next };
    },
    clients: () => Object.fromEntries([...perClient].map(([id, knobs]) => [id, { ...knobs }])),
    latencyFor: (clientId) =>
      (clientId === undefined ? undefined : perClient.get(clientId)?.latencyMs) ?? global.latencyMs,
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
      const rate = perClient.get(clientId)?.errorRate ?? global.errorRate;
      // `random() < 1` always holds, so errorRate 1 fails every call and 0 never does.
      return rate > 0 && random() < rate ? 500 : undefined;
    },
    pendingFailures: () => Object.fromEntries(failures),
    reset: () => {
      global = { ...DEFAULT_KNOBS };
      perClient.clear();
      latencies.clear();
      failures.clear();
    },
  };
}

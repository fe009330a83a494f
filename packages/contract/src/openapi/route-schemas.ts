import { z } from 'zod';

/**
 * Shapes the kit answers with that no other package parses, so they live only here, for the
 * OpenAPI document: the kit's `GET health` body (packages/server-kit/src/routes/health-route.ts), the
 * acknowledgement of a provider notification, and the kit-hosted card page's form.
 */

/** One provider instance's circuit breaker, as `GET health` reports it under the instance id. */
export const ProviderHealth = z.object({
  /** The adapter kind (`connectpay`, `paytech`, `fintecture`, `cardgateway`). */
  kind: z.string(),
  circuit: z.enum(['closed', 'open', 'half_open']),
  consecutiveFailures: z.number().int().nonnegative(),
  openedAt: z.string().optional(),
  retryAt: z.string().optional(),
});

/**
 * `GET health`: 200 `ok` while the store answers and some provider can take payments; 503 `down` when
 * the store does not answer its ping, `degraded` when every circuit is open.
 */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  store: z.enum(['ok', 'down']),
  /** By provider instance id as configured (`connectpay`, `connectpay-eu`). */
  providers: z.record(z.string(), ProviderHealth),
});

/** `POST notifications/:provider`: the provider may stop redelivering. */
export const NotificationAck = z.object({ received: z.literal(true) });

/**
 * `POST card/:id` (`application/x-www-form-urlencoded`), posted by the kit's own card page. Card data
 * lives only in this request: never stored, logged, or echoed.
 */
export const CardForm = z.object({
  number: z.string().max(32),
  /** `MM/YY`. */
  expiry: z.string().max(16),
  cvc: z.string().max(4),
  holder: z.string().max(128),
  /** The page's language, so a page answered with errors stays in it. */
  lang: z.string().max(35).optional(),
});

/** `ErrorBody` of `POST sessions` with `order_already_paid`: the way back to the shop. */
export const OrderAlreadyPaidBody = z.object({
  error: z.object({
    code: z.literal('order_already_paid'),
    message: z.string(),
    returnUrl: z.string().optional(),
  }),
});

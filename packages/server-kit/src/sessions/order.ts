import { CurrencyCode } from '@pay-checkout/contract';
import { z } from 'zod';
import type { ResolvedOrder } from '../config.js';
import { InvalidOrderError, OrderNotFoundError } from '../http/http-errors.js';
import { textProblem } from '../http/safe-input.js';
import { toMinorUnits } from '../money.js';
import type { KitContext } from './kit-context.js';

/** An order as the kit uses it: the merchant's answer, with the amount in minor units. */
export interface KitOrder extends ResolvedOrder {
  orderId: string;
  amountMinor: number;
}

/** Text the kit stores and forwards: capped, and without what PostgreSQL or a provider cannot take. */
const storable = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} must be at most ${max} characters`)
    .refine((value) => textProblem(value) === undefined, `${field} contains a NUL or a lone surrogate`);

const resolvedOrderSchema = z.object({
  amount: z
    .string()
    .max(32)
    .regex(/^\d+(\.\d+)?$/, 'amount must be a decimal string such as 12.50'),
  currency: CurrencyCode,
  description: storable('description', 500),
  returnUrl: storable('returnUrl', 2048).pipe(z.string().min(1)),
  topUp: z
    .object({
      creditorIban: storable('topUp.creditorIban', 64).pipe(z.string().min(5)),
      consumerId: storable('topUp.consumerId', 128).optional(),
    })
    .optional(),
});

/**
 * Asks the merchant's `resolveOrder` for the order. This is the only source of amount and currency
 * (docs/architecture.md, "The journey"): whatever the browser sends is never read.
 */
export async function loadOrder(context: KitContext, orderId: string): Promise<KitOrder> {
  const resolved = await context.config.resolveOrder(orderId);
  if (resolved === undefined || resolved === null) throw new OrderNotFoundError();
  const parsed = resolvedOrderSchema.safeParse(resolved);
  if (!parsed.success) throw new InvalidOrderError(parsed.error.issues.map((i) => i.message).join('; '));
  let amountMinor: number;
  try {
    amountMinor = toMinorUnits(parsed.data.amount, parsed.data.currency);
  } catch (error) {
    throw new InvalidOrderError((error as Error).message);
  }
  return { ...parsed.data, orderId, amountMinor };
}

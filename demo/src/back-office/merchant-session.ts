import type { Checkout } from '@pay-checkout/server-kit';
import { z } from 'zod';

const Money = z.object({ value: z.number().int(), currency: z.string() });

/** The merchant operation kinds, as server-kit names them (`checkout.capture/void/refund`). */
export const OPERATION_KINDS = ['capture', 'void', 'refund'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/**
 * What the back office reads of server-kit's merchant view (`GET {base}/merchant/sessions/:id`):
 * the session, its settlement amounts, its operations ledger and its provider tries. Parsed, so a
 * change of the kit's answer fails loudly here instead of rendering a wrong amount.
 */
export const MerchantSession = z.object({
  sessionId: z.string(),
  orderId: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  amount: Money,
  method: z.string(),
  provider: z.string(),
  updatedAt: z.string(),
  amounts: z.object({
    authorized: z.number().int(),
    captured: z.number().int(),
    refunded: z.number().int(),
  }),
  operations: z.array(
    z.object({
      operationId: z.string(),
      kind: z.enum(OPERATION_KINDS),
      status: z.enum(['pending', 'succeeded', 'failed']),
      amount: Money,
      reason: z.string().optional(),
      createdAt: z.string(),
    }),
  ),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      provider: z.string(),
      outcome: z.string(),
      errorCode: z.string().optional(),
      at: z.string(),
    }),
  ),
});
export type MerchantSession = z.infer<typeof MerchantSession>;

/** server-kit answered the merchant view with an error (the session vanished, the key changed). */
export class MerchantViewError extends Error {
  readonly code = 'merchant_view_failed';
  readonly status = 502;
  constructor(message: string) {
    super(message);
    this.name = 'MerchantViewError';
  }
}

/**
 * Reads one session's merchant view through server-kit's merchant API, in process (`checkout.fetch`,
 * no socket): the same answer a back office in another language gets over HTTP. The key stays on
 * the server; it is never part of a page, a URL or a log line.
 */
export async function readMerchantSession(
  checkout: Pick<Checkout, 'fetch'>,
  checkoutUrl: string,
  merchantKey: string,
  sessionId: string,
): Promise<MerchantSession> {
  const response = await checkout.fetch(
    new Request(`${checkoutUrl}/merchant/sessions/${encodeURIComponent(sessionId)}`, {
      headers: { authorization: `Bearer ${merchantKey}` },
    }),
  );
  const body: unknown = await response.json();
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown } }).error;
    throw new MerchantViewError(
      `server-kit answered ${response.status} ${String(error?.code ?? '')} for session ${sessionId}`,
    );
  }
  return MerchantSession.parse(body);
}

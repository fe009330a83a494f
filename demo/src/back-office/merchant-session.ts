import { MerchantSessionView } from '@pay-checkout/contract';
import type { Checkout } from '@pay-checkout/server-kit';

/** The merchant operation kinds, as server-kit names them (`checkout.capture/void/refund`). */
export { OPERATION_KINDS, type OperationKind } from '@pay-checkout/contract';

/**
 * What the back office reads of server-kit's merchant view (`GET {base}/merchant/sessions/:id`): the
 * contract's own schema, so a change of the kit's answer fails loudly here instead of rendering a wrong
 * amount.
 */
export const MerchantSession = MerchantSessionView;
export type MerchantSession = MerchantSessionView;

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

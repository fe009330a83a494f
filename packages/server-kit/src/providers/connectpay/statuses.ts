import { ProviderError } from '../../errors.js';
import type { ProviderStatus } from '../provider.js';

/**
 * ConnectPay's payment statuses. ConnectPay documents only `PendingProvider` (packages/sandbox/README.md, ConnectPay's wire);
 * the rest is the enum our sandbox chose (connectpay-sandbox-wire.md, "Statuses").
 */
export const CONNECTPAY_STATUSES = [
  'Initiated',
  'Pending',
  'PendingProvider',
  'Completed',
  'Rejected',
  'Cancelled',
  'Failed',
  'Expired',
] as const;
export type ConnectPayStatus = (typeof CONNECTPAY_STATUSES)[number];

function isConnectPayStatus(value: string): value is ConnectPayStatus {
  return (CONNECTPAY_STATUSES as readonly string[]).includes(value);
}

/**
 * Maps ConnectPay's `payment.status` (+ `statusReason`) onto our closed status set. One exhaustive
 * switch: adding a status to `CONNECTPAY_STATUSES` without a branch fails to compile. A status word we
 * do not know is never guessed (guessing `pending` could hide a final failure, guessing a final one
 * could ship goods unpaid): it throws `unsupported_status`, so the kit logs it and retries later.
 */
export function mapConnectPayStatus(raw: string, statusReason?: string): ProviderStatus {
  if (!isConnectPayStatus(raw)) {
    throw new ProviderError(
      `ConnectPay reported an unsupported payment status: ${JSON.stringify(raw.slice(0, 40))}`,
      {
        code: 'unsupported_status',
      },
    );
  }
  const status: ConnectPayStatus = raw;
  switch (status) {
    case 'Initiated':
      return { status: 'pending', raw };
    case 'Pending':
      return { status: 'processing', raw };
    case 'PendingProvider':
      // Stopped for manual review at ConnectPay (99.99 EUR on stage): not final, but worth explaining.
      return { status: 'processing', reason: 'manual_review', raw };
    case 'Completed':
      return { status: 'succeeded', raw };
    case 'Rejected':
      return { status: 'failed', reason: rejectionReason(statusReason), raw };
    case 'Cancelled':
      return { status: 'cancelled', reason: 'cancelled_by_shopper', raw };
    case 'Failed':
      return { status: 'failed', reason: 'authentication_failed', raw };
    case 'Expired':
      return { status: 'expired', reason: 'expired', raw };
    default:
      return unreachable(status);
  }
}

/** `Rejected` carries why in `statusReason`; only two reasons are worth telling the shopper apart. */
function rejectionReason(
  statusReason: string | undefined,
): 'insufficient_funds' | 'card_lost_or_stolen' | 'declined' {
  switch (statusReason) {
    case 'InsufficientFunds':
      return 'insufficient_funds';
    case 'StolenCard':
      return 'card_lost_or_stolen';
    default:
      // ManualReviewRejected, TopUpCardDeclined and anything new: a plain decline.
      return 'declined';
  }
}

function unreachable(status: never): never {
  throw new ProviderError(`Unhandled ConnectPay status ${String(status)}`, { code: 'unsupported_status' });
}

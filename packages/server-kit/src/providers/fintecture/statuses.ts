import { ProviderError } from '../../errors.js';
import type { ProviderStatus } from '../provider.js';

/**
 * Fintecture's payment-session statuses. Fintecture documents `payment_created`; the rest of the set
 * and `status_reason` are the choices written down in packages/sandbox/README.md ("Fintecture").
 */
export const FINTECTURE_STATUSES = [
  'provider_required',
  'sca_required',
  'payment_pending',
  'payment_created',
  'payment_unsuccessful',
  'payment_expired',
] as const;
export type FintectureStatus = (typeof FINTECTURE_STATUSES)[number];

function isFintectureStatus(value: string): value is FintectureStatus {
  return (FINTECTURE_STATUSES as readonly string[]).includes(value);
}

/**
 * Maps a session status (+ `status_reason`) onto our closed set, in one exhaustive switch. A status we
 * do not know is never guessed: it throws `unsupported_status` (the kit logs it and asks again later).
 */
export function mapFintectureStatus(raw: string, statusReason?: string): ProviderStatus {
  if (!isFintectureStatus(raw)) {
    throw new ProviderError(
      `Fintecture reported an unsupported payment status: ${JSON.stringify(raw.slice(0, 40))}`,
      { code: 'unsupported_status' },
    );
  }
  const status: FintectureStatus = raw;
  switch (status) {
    case 'provider_required':
    case 'sca_required':
      // The shopper is at Connect: choosing the bank, or logging in and confirming there.
      return { status: 'pending', raw };
    case 'payment_pending':
      // The bank accepted the transfer and has not executed it yet.
      return { status: 'processing', raw };
    case 'payment_created':
      return { status: 'succeeded', raw };
    case 'payment_unsuccessful':
      switch (statusReason) {
        case 'cancelled_by_psu':
          return { status: 'cancelled', reason: 'cancelled_by_shopper', raw };
        case 'insufficient_funds':
          return { status: 'failed', reason: 'insufficient_funds', raw };
        default:
          // rejected_by_bank and any reason we do not know: a plain decline.
          return { status: 'failed', reason: 'declined', raw };
      }
    case 'payment_expired':
      return { status: 'expired', reason: 'expired', raw };
    default:
      return unreachable(status);
  }
}

function unreachable(status: never): never {
  throw new ProviderError(`Unhandled Fintecture status ${String(status)}`, { code: 'unsupported_status' });
}

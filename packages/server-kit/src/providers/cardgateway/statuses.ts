import type { StatusReason } from '@pay-checkout/contract';
import { ProviderError } from '../../errors.js';
import type { ProviderStatus } from '../provider.js';

/**
 * The gateway's long statuses (docs.paymentz.com/integration/status.php; packages/sandbox/README.md,
 * "Card gateway stage", lists them) and its short `transactionStatus` (`Y`, `N`, `P`, `3D`, `C`).
 */
export const CARDGATEWAY_LONG_STATUSES = [
  'begun',
  'authstarted',
  'authsuccessful',
  'authfailed',
  'authcancelled',
  'cancelstarted',
  'cancelled',
  'capturestarted',
  'capturesuccess',
  'capturefailed',
  'settled',
  'markedforreversal',
  'reversed',
  'chargeback',
  'failed',
  'payoutstarted',
  'payoutsuccessful',
  'payoutfailed',
  '3D Authstarted',
] as const;
export type CardGatewayLongStatus = (typeof CARDGATEWAY_LONG_STATUSES)[number];

export const CARDGATEWAY_SHORT_STATUSES = ['Y', 'N', 'P', '3D', 'C'] as const;

/** The raw status of a session whose shopper is on our card page: the gateway has no payment yet. */
export const CARD_ENTRY_STATUS = 'card_entry';

function isLongStatus(value: string): value is CardGatewayLongStatus {
  return (CARDGATEWAY_LONG_STATUSES as readonly string[]).includes(value);
}

/**
 * Maps the gateway's long status (with `result.description`, which says why a card was declined) onto
 * our closed status set. One exhaustive switch: a status added to the list without a branch fails to
 * compile. A word we do not know is never guessed: it throws `unsupported_status`, and the kit logs it
 * and reads again later. Refunds, reversals of a capture and chargebacks are money movements after a
 * payment succeeded: the session stays `succeeded`, the operations ledger records the refund.
 */
export function mapCardGatewayStatus(raw: string, description = ''): ProviderStatus {
  if (!isLongStatus(raw)) {
    throw new ProviderError(
      `The card gateway reported an unsupported payment status: ${JSON.stringify(raw.slice(0, 40))}`,
      { code: 'unsupported_status' },
    );
  }
  const status: CardGatewayLongStatus = raw;
  switch (status) {
    case 'begun':
      return { status: 'pending', raw };
    case '3D Authstarted':
      // The shopper is at the issuer's ACS: still theirs to act on, so `pending` (our continue page
      // serves the 3-D Secure form only while a session is `created` or `pending`).
      return { status: 'pending', raw };
    case 'authstarted':
      return { status: 'processing', raw };
    case 'authsuccessful':
    case 'capturestarted':
    case 'capturefailed':
    case 'cancelstarted':
      // Authorized and not (yet) captured or cancelled: a failed capture leaves the authorization.
      return { status: 'authorized', raw };
    case 'capturesuccess':
    case 'settled':
    case 'markedforreversal':
    case 'reversed':
    case 'chargeback':
      return { status: 'succeeded', raw };
    case 'authfailed':
    case 'failed':
      return { status: 'failed', reason: declineReason(description), raw };
    case 'authcancelled':
      return { status: 'cancelled', reason: 'cancelled_by_shopper', raw };
    case 'cancelled':
      // A reversed (voided) authorization.
      return { status: 'cancelled', raw };
    case 'payoutstarted':
    case 'payoutsuccessful':
    case 'payoutfailed':
      // Payouts move money to a card holder; a checkout payment never has one of these statuses.
      throw new ProviderError(`The card gateway reported a payout status for a payment: ${raw}`, {
        code: 'unsupported_status',
      });
    default:
      return unreachable(status);
  }
}

/** The gateway says why in `result.description`; only a few reasons are worth telling apart. */
function declineReason(description: string): StatusReason {
  const text = description.toLowerCase();
  if (text.includes('insufficient')) return 'insufficient_funds';
  if (text.includes('3-d secure') || text.includes('3d secure') || text.includes('authentication')) {
    return 'authentication_failed';
  }
  if (text.includes('lost') || text.includes('stolen')) return 'card_lost_or_stolen';
  return 'declined';
}

function unreachable(status: never): never {
  throw new ProviderError(`Unhandled card gateway status ${String(status)}`, { code: 'unsupported_status' });
}

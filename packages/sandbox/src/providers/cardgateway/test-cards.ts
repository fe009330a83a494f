/**
 * The stage's own test cards. The gateway's reference publishes none, so the stage defines these (and
 * its README documents them): a plain success, a 3-D Secure challenge, and two declines. Any other
 * Luhn-valid number with a future expiry succeeds without 3-D Secure, as 4111 1111 1111 1111 does.
 */
import type { TestCard } from '../../shared/cards/test-cards.js';

/** Why a test card is declined, as the gateway's result describes it. */
export type CardGatewayDecline = 'insufficient_funds' | 'expired_card';

export const CARDGATEWAY_TEST_CARDS: readonly TestCard<CardGatewayDecline>[] = [
  { number: '4111111111111111', description: 'Success, no 3-D Secure', threeDs: 'none' },
  { number: '4000000000003220', description: '3-D Secure challenge, then success', threeDs: 'challenge' },
  {
    number: '4000000000009995',
    description: 'Declined: insufficient funds',
    threeDs: 'none',
    decline: 'insufficient_funds',
  },
  {
    number: '4000000000000069',
    description: 'Declined: expired card',
    threeDs: 'none',
    decline: 'expired_card',
  },
];

/** The gateway's `result.description` of each decline (the code is always the generic `20007`). */
export const DECLINE_DESCRIPTIONS: Record<CardGatewayDecline, string> = {
  insufficient_funds: 'Insufficient funds',
  expired_card: 'Expired card',
};

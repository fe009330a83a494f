/**
 * A card gateway payment as the stage keeps it, and the gateway's two status vocabularies: the long
 * `status` (docs.paymentz.com/integration/status.php) and the short `transactionStatus` (`Y` success,
 * `N` failed, `P` pending, `3D` at the ACS, `C` cancelled).
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
export type CardGatewayShortStatus = (typeof CARDGATEWAY_SHORT_STATUSES)[number];

/** `DB` debit (purchase: authorize and capture at once) or `PA` preauthorization. */
export type CardGatewayPaymentType = 'DB' | 'PA';

export interface CardGatewayPayment {
  paymentId: string;
  memberId: string;
  merchantTransactionId: string;
  paymentType: CardGatewayPaymentType;
  /** Minor units (the gateway's amounts always have two decimals). */
  amount: number;
  currency: string;
  status: CardGatewayLongStatus;
  transactionStatus: CardGatewayShortStatus;
  result: { code: string; description: string };
  /** What the stage keeps of the card: brand, BIN and last four. Never the number, never the CVV. */
  card: { brand: string; bin: string; last4: string };
  captured: number;
  refunded: number;
  notificationUrl?: string;
  merchantRedirectUrl?: string;
  /** The one-time value the ACS expects back (the `PaReq` of the 3-D Secure redirect). */
  acsToken?: string;
  createdAt: string;
}

/** Result codes the gateway documents, and the stage's choices for what it does not (its README). */
export const RESULT = {
  success: { code: '00001', description: 'Transaction succeeded' },
  captured: { code: '00004', description: 'Transaction captured successfully' },
  found: { code: '00026', description: 'Your record found successfully' },
  threeDs: { code: '00009', description: 'Redirect to the 3-D Secure page of the issuer' },
  reversed: { code: '00001', description: 'Transaction reversed successfully' },
  refunded: { code: '00001', description: 'Transaction refunded successfully' },
} as const;

/** The gateway's generic failure; the description says why. */
export const FAILURE_CODE = '20007';

/** `"19.99"`: the gateway's amounts always carry two decimals. */
export function decimalAmount(minor: number): string {
  return (minor / 100).toFixed(2);
}

import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';

/**
 * pay.tech's wire vocabulary as API 1.0.61 documents it (reference: pay.tech API 1.0.61, "Payments"
 * and "Error codes"): payment types, states, and the error codes with their texts, verbatim.
 */

export const PAYTECH_PAYMENT_TYPES = ['DEPOSIT', 'WITHDRAWAL', 'REFUND'] as const;
export type PaytechPaymentType = (typeof PAYTECH_PAYMENT_TYPES)[number];

export const PAYTECH_STATES = [
  'CHECKOUT',
  'PENDING',
  'AUTHORIZED',
  'CANCELLED',
  'DECLINED',
  'COMPLETED',
] as const;
export type PaytechState = (typeof PAYTECH_STATES)[number];

/** States after which a payment never changes (AUTHORIZED still moves: capture or void). */
export const FINAL_PAYTECH_STATES: readonly PaytechState[] = ['CANCELLED', 'DECLINED', 'COMPLETED'];

/** States a webhook is sent for (packages/sandbox/README.md, "pay.tech": "final states COMPLETED, DECLINED, CANCELLED, AUTHORIZED"). */
export const WEBHOOK_STATES: readonly PaytechState[] = ['AUTHORIZED', 'CANCELLED', 'DECLINED', 'COMPLETED'];

/** Every error code of the reference's "Error codes" table, with its text. */
export const PAYTECH_ERROR_CODES = {
  '1.00': 'Illegal Workflow State',
  '1.01': 'Not Found',
  '1.02': 'Communication Problem',
  '1.03': 'Internal Server Error',
  '1.04': 'Cancelled by Timeout',
  '1.05': 'Terminal not Found',
  '1.06': 'Recurring Token not Found',
  '1.07': 'Payer Unaccepted',
  '1.08': 'Invalid Amount',
  '1.09': 'Invalid Currency',
  '1.10': 'Insufficient Balance',
  '2.00': 'Cancelled by Customer',
  '3.00': 'Declined by Acquirer',
  '3.01': 'Declined by Acquirer: Anti-fraud',
  '3.02': 'Declined by Acquirer: Request Validation',
  '3.03': 'Acquirer Malfunction',
  '3.04': 'Acquirer Timeout',
  '3.05': 'Acquirer Limits Reached',
  '3.06': 'Declined by Acquirer: Card Scheme',
  '3.07': 'Declined by Acquirer: Card Data',
  '3.08': 'Declined by Acquirer: Business Rules',
  '3.09': 'Not Fully 3DS',
  '3.10': 'Unknown Error Code',
  '3.11': 'Payer cannot pay',
  '3.12': 'Invalid ID Document',
  '3.13': 'ID Document Restrictions',
  '3.14': 'Declined Due to Age Requirements',
  '3.15': 'ID Document Under Temporary Restrictions',
  '3.16': 'Duplicate Payment',
  '4.00': 'Declined by Issuer',
  '4.01': 'Insufficient Funds',
  '4.02': 'Do Not Honor',
  '4.03': 'Invalid Account Number',
  '4.04': 'Declined by Issuer: Expired Card',
  '4.05': 'Issuer Limits Reached',
  '4.06': 'Card Lost or Stolen',
  '4.07': 'Invalid Security Code',
  '4.08': 'Declined by Issuer: Business Rules',
  '5.00': 'Declined by 3DS',
  '5.01': '3DS Timeout',
  '6.00': 'Declined by Internal Anti-fraud',
  '6.01': 'Card PAN Blacklisted',
  '6.02': 'Customer Email Blacklisted',
  '6.03': 'Card Issuing Country Restricted',
  '6.04': 'IP Country Restricted',
  '6.05': 'Restricted Currency',
  '6.06': 'Invalid Amount',
  '6.07': 'IP Country Must Be Equal to Billing Country',
  '6.08': 'IP Country Must Be Equal to Card Issuing Country',
  '6.09': 'Billing Country Must Be Equal to Card Issuing Country',
  '6.10': 'Payment Created Within Closed Period of Day',
  '6.11': 'Card PAN not Whitelisted',
  '6.12': 'Cardholder name is invalid',
  '6.13': 'The same card is used by different customers',
  '6.14': 'Customer Phone Blacklisted',
  '6.15': 'Card Brand not supported',
  '6.21': 'Limit exceeded: Number of completed deposits',
  '6.22': 'Limit exceeded: Number of completed deposits for card',
  '6.23': 'Limit exceeded: Number of declined deposits for card',
  '6.24': 'Limit exceeded: Number of cards for IP address',
  '6.25': 'Limit exceeded: Number of IP addresses for card',
  '6.26': 'Limit exceeded: IP country does not match card country',
  '6.27': 'Limit exceeded: Same amount and currency for card',
  '6.28': 'Limit exceeded: Amount of deposits in specified currency',
  '6.29': 'Limit exceeded: Amount of deposits for card and currency',
  '6.30': 'Limit exceeded: Amount of deposits in base currency',
  '6.31': 'Limit exceeded: Amount of deposits for card in base currency',
  '6.32': 'Limit exceeded: Number of IP countries for card',
  '6.33': 'Limit exceeded: Amount of deposits for customer in base currency',
  '6.34': 'Limit exceeded: Withdrawal amount for customer in base currency',
  '6.35': 'Billing Country Restricted',
  '6.36': 'Customer Citizenship Country Restricted',
  '6.37': 'Limit exceeded: Number of withdrawals',
  '6.38': 'Limit exceeded: Amount of withdrawals in specified currency',
  '6.39': 'Card BIN Blacklisted',
  '6.40': 'UPI VPA Blacklisted',
  '6.41': 'ID Document Blacklisted',
  '6.42': 'Limit exceeded: Decline deposits streak for card',
  '6.43': 'Limit exceeded: Incomplete deposits APM streak for email',
  '6.44': 'Customer email contains restricted word',
  '7.00': 'Declined by External Anti-fraud',
  '7.01': 'External Anti-fraud Communication Problem',
} as const;
export type PaytechErrorCode = keyof typeof PAYTECH_ERROR_CODES;

/** Where the shopper is on the hosted payment page. */
export type CheckoutStep = 'card' | '3ds' | 'done';

/** One entry of `GET /api/v1/payments/{id}/operations` (the shape is our choice; README). */
export interface PaytechOperation {
  id: string;
  operation: 'AUTHORIZATION' | 'SALE' | 'CAPTURE' | 'VOID' | 'REFUND' | 'PAYOUT';
  state: 'COMPLETED' | 'DECLINED';
  /** Minor units. */
  amount: number;
  currency: string;
  /** Epoch ms; the wire shows `YYYY-MM-DDTHH:MM:SS`. */
  created: number;
  errorCode?: PaytechErrorCode;
}

/** A payment as the stage keeps it. Amounts in minor units; the wire shows decimals. */
export interface PaytechPayment {
  id: string;
  shopId: string;
  paymentType: PaytechPaymentType;
  state: PaytechState;
  referenceId?: string;
  description?: string;
  paymentMethod: 'BASIC_CARD';
  /** Minor units: requested; after a capture, what was captured (README). */
  amount: number;
  currency: string;
  preAuth: boolean;
  returnUrl?: string;
  webhookUrl?: string;
  /** The origin the payment was created through: its page's `redirectUrl` is on it (webhooks too). */
  origin: string;
  parentPaymentId?: string;
  errorCode?: PaytechErrorCode;
  /** The card's brand and last four digits once entered (never the number). */
  card?: { brand: string; last4: string };
  /** The digits typed, kept in memory only to play the test card after 3-D Secure; never on the wire. */
  cardDigits?: string;
  /** Hosted page step (deposits only). */
  step: CheckoutStep;
  /** Refunded so far (minor units), on a deposit. */
  refunded: number;
  /** Epoch ms; the wire shows `YYYY-MM-DDTHH:MM:SS`. */
  created: number;
  updated: number;
  operations: PaytechOperation[];
  knobs: NotificationKnobs;
}

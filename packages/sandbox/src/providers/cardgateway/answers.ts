/**
 * The gateway's payment answer, the body of every payment call, inquiry and callback: `paymentId`, the
 * long `status` and short `transactionStatus`, `result{code,description}`, the amount with two
 * decimals, the card's BIN and last four digits, and for 3-D Secure the `redirect` to the ACS.
 * `remark` carries the payment's own outcome (why it was declined), which stays when a read (inquiry,
 * `GET payments/{id}`) replaces `result` with its own "record found".
 */
import { gatewayTimestamp } from './errors.js';
import { type CardGatewayPayment, decimalAmount } from './model.js';

export interface AcsRedirect {
  url: string;
  method: 'POST';
  parameters: { name: string; value: string }[];
}

export function paymentAnswer(payment: CardGatewayPayment, redirect?: AcsRedirect) {
  return {
    paymentId: payment.paymentId,
    merchantTransactionId: payment.merchantTransactionId,
    status: payment.status,
    transactionStatus: payment.transactionStatus,
    result: payment.result,
    paymentBrand: payment.card.brand.toUpperCase(),
    paymentMode: 'CC',
    paymentType: payment.paymentType,
    amount: decimalAmount(payment.amount),
    currency: payment.currency,
    card: { bin: payment.card.bin, last4Digits: payment.card.last4 },
    remark: payment.result.description,
    timestamp: gatewayTimestamp(),
    ...(redirect ? { redirect } : {}),
  };
}

/**
 * Step "done": the shared status page (`shared/pages/status-page.ts`) with the outcome of a ConnectPay
 * status in plain words and "Return to merchant" to the merchant's `redirectUrl` exactly as given
 * (ConnectPay: "by pressing the button Return to Merchant, Consumer will be redirected back to your
 * website using … redirectUrl").
 */
import type { Html } from '../../../shared/pages/html.js';
import { type StatusWords, statusPage as sharedStatusPage } from '../../../shared/pages/status-page.js';
import type { Messages } from '../i18n/index.js';
import type { SandboxPayment } from '../model.js';
import { frameOf, type PageContext } from './context.js';

export function statusWords(payment: SandboxPayment, messages: Messages): StatusWords {
  const { statusHeadline: head, statusDetail: detail } = messages;
  switch (payment.status) {
    case 'Completed':
      return { tone: 'ok', headline: head.completed, detail: detail.completed };
    case 'PendingProvider':
      return { tone: 'wait', headline: head.review, detail: detail.review };
    case 'Rejected': {
      const reason =
        payment.statusReason === 'InsufficientFunds'
          ? detail.insufficientFunds
          : payment.statusReason === 'StolenCard'
            ? detail.stolenCard
            : payment.statusReason === 'TopUpCardDeclined'
              ? detail.topUpCardDeclined
              : payment.statusReason === 'ManualReviewRejected'
                ? detail.reviewRejected
                : detail.declined;
      return { tone: 'bad', headline: head.declined, detail: reason };
    }
    case 'Cancelled':
      return { tone: 'bad', headline: head.cancelled, detail: detail.cancelled };
    case 'Failed':
      return payment.statusReason === 'AuthenticationFailed'
        ? { tone: 'bad', headline: head.failed, detail: detail.authenticationFailed }
        : { tone: 'bad', headline: head.declined, detail: detail.failed };
    case 'Expired':
      return { tone: 'bad', headline: head.expired, detail: detail.expired };
    case 'Initiated':
    case 'Pending':
      return { tone: 'wait', headline: head.inProgress, detail: detail.inProgress };
    default: {
      const unsupported: never = payment.status;
      throw new Error(`Unsupported ConnectPay status ${String(unsupported)}`);
    }
  }
}

/** The status page; `notice` adds a line above it (the 409 "already finished" page reuses it). */
export function statusPage(context: PageContext, payment: SandboxPayment, notice?: string): Html {
  return sharedStatusPage(
    frameOf(context),
    statusWords(payment, context.messages),
    payment.redirectUrl,
    notice,
  );
}

/**
 * Step "done": the outcome in plain words and a "Return to merchant" link, styled as a button, to the
 * merchant's `redirectUrl` exactly as given (ConnectPay: "by pressing the button Return to Merchant,
 * Consumer will be redirected back to your website using … redirectUrl").
 */
import type { Messages } from '../i18n/index.js';
import type { SandboxPayment } from '../model.js';
import type { PageContext } from './context.js';
import { type Html, html, safeHref } from './html.js';
import { renderPage } from './layout.js';

interface StatusWords {
  tone: 'ok' | 'bad' | 'wait';
  headline: string;
  detail: string;
}

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

const ICONS = { ok: '✓', bad: '✕', wait: '…' } as const;

/** The status page; `notice` adds a line above it (the 409 "already finished" page reuses it). */
export function statusPage(context: PageContext, payment: SandboxPayment, notice?: string): Html {
  const { messages } = context;
  const words = statusWords(payment, messages);
  return renderPage(context, {
    title: words.headline,
    panelClass: `status-${words.tone}`,
    body: html`${notice && html`<p class="intro">${notice}</p>`}
<div class="status-icon" aria-hidden="true">${ICONS[words.tone]}</div>
<h1 id="step-title">${words.headline}</h1>
<p>${words.detail}</p>
<div class="actions"><a class="button wide" href="${safeHref(payment.redirectUrl)}">${messages.returnToMerchant}</a></div>`,
  });
}

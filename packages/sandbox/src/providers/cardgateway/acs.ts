/**
 * The stage's ACS (the issuer's 3-D Secure page), where the gateway's `redirect` sends the shopper:
 * `POST {prefix}/acs/{paymentId}` with the one-time `PaReq` shows the challenge (the shared 3-D Secure
 * page: pass or fail); its answer ends the authorization, sends the callback, and returns the shopper
 * to `merchantRedirectUrl` with the short status in `status` and the `resourcePath` to read, as the
 * gateway's asynchronous return does. The token is spent by the answer: a replayed form changes nothing.
 */
import { readPageForm } from '../../shared/http/form.js';
import { htmlResponse, seeOther } from '../../shared/http/html-response.js';
import { pickPageLanguage } from '../../shared/i18n/languages.js';
import { wordsFor } from '../../shared/i18n/words.js';
import { html } from '../../shared/pages/html.js';
import { formatAmount, type PageFrame } from '../../shared/pages/layout.js';
import { problemPage } from '../../shared/pages/problem-page.js';
import { type StatusWords, statusPage } from '../../shared/pages/status-page.js';
import { threeDsChallengePage } from '../../shared/pages/three-ds-pages.js';
import type { CardGatewayContext } from './context.js';
import { type CardGatewayPayment, decimalAmount } from './model.js';
import { sendCallback } from './notifier.js';
import { approve, decline } from './payments.js';

/** The decline description of a failed challenge. */
export const THREE_DS_FAILED = '3-D Secure authentication failed';

export async function handleAcs(
  request: Request,
  url: URL,
  context: CardGatewayContext,
): Promise<Response | undefined> {
  const match = /^\/acs\/(\d{1,12})(?:\/(result|cancel))?$/.exec(url.pathname.slice(context.prefix.length));
  if (!match) return undefined;
  if (request.method !== 'POST') {
    return htmlResponse(
      405,
      problemPage(frameFor('en'), 'Method not allowed', 'The ACS is entered by a form POST.'),
    );
  }
  const form = await readPageForm(request);
  const language = pickPageLanguage(form.get('lang'));
  const payment = context.book.get(match[1]);
  const token = form.get('PaReq') ?? '';
  const frame = frameFor(language, payment, token, `${context.prefix}/acs/${match[1]}`);
  if (!payment?.acsToken || payment.acsToken !== token) {
    const words = frame.words;
    return htmlResponse(404, problemPage(frame, words.notFoundTitle, words.notFoundText));
  }
  const step = match[2];
  if (step === undefined) {
    return htmlResponse(
      200,
      threeDsChallengePage(frame, {
        action: `${context.prefix}/acs/${payment.paymentId}/result`,
        amount: formatAmount(decimalAmount(payment.amount), payment.currency, frame.words.locale),
        card: { brand: payment.card.brand, last4: payment.card.last4 },
      }),
    );
  }
  if (step === 'cancel') {
    payment.status = 'authcancelled';
    payment.transactionStatus = 'C';
    payment.result = { code: '20007', description: 'Cancelled by the card holder' };
  } else if (form.get('result') === 'pass') {
    approve(payment);
  } else {
    decline(payment, THREE_DS_FAILED);
  }
  payment.acsToken = undefined;
  sendCallback(context.notifier, context.knobs, payment);
  if (!payment.merchantRedirectUrl) {
    return htmlResponse(200, statusPage(frame, outcomeWords(frame, payment), '#'));
  }
  const back = new URL(payment.merchantRedirectUrl);
  back.searchParams.set('paymentId', payment.paymentId);
  back.searchParams.set('status', payment.transactionStatus);
  back.searchParams.set('resourcePath', `/transactionServices/REST/v1/payments/${payment.paymentId}`);
  return seeOther(back.href);
}

function frameFor(
  language: ReturnType<typeof pickPageLanguage>,
  payment?: CardGatewayPayment,
  token = '',
  base = '',
): PageFrame {
  const words = wordsFor(language);
  return {
    language,
    words,
    brand: 'Card gateway · test ACS',
    ...(payment
      ? { summary: { amount: formatAmount(decimalAmount(payment.amount), payment.currency, words.locale) } }
      : {}),
    hiddenFields: html`<input type="hidden" name="PaReq" value="${token}"><input type="hidden" name="lang" value="${language}">`,
    ...(base ? { cancelAction: `${base}/cancel` } : {}),
  };
}

function outcomeWords(frame: PageFrame, payment: CardGatewayPayment): StatusWords {
  const { statusHeadline, statusDetail } = frame.words;
  if (payment.transactionStatus === 'Y') {
    return { tone: 'ok', headline: statusHeadline.completed, detail: statusDetail.completed };
  }
  if (payment.transactionStatus === 'C') {
    return { tone: 'bad', headline: statusHeadline.cancelled, detail: statusDetail.cancelled };
  }
  return { tone: 'bad', headline: statusHeadline.declined, detail: statusDetail.authenticationFailed };
}

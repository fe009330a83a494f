/**
 * pay.tech's hosted payment page at `{base}/payment/{id}` (the create answer's `redirectUrl`): the card
 * form, then for 3-D Secure enrolled cards the issuer's challenge, then the outcome with "Return to
 * merchant" to the payment's `returnUrl`, its `{id}`, `{referenceId}`, `{state}` and `{type}` filled in.
 * Forms post to `{base}/payment/{id}/{card,3ds,cancel}` and answer 303 back to the page (post/redirect/
 * get); a typing mistake comes back 422 on the same step, an unknown payment 404, a stale step 409.
 * No step needs JavaScript.
 */
import {
  FormTooLargeError,
  MalformedFormError,
  readPageForm,
  requireFields,
} from '../../shared/http/form.js';
import { htmlResponse, seeOther } from '../../shared/http/html-response.js';
import { isPageLanguage, type PageLanguage, pickPageLanguage } from '../../shared/i18n/languages.js';
import { cardPage } from '../../shared/pages/card-page.js';
import { type Html, html } from '../../shared/pages/html.js';
import { formatAmount, type PageFrame } from '../../shared/pages/layout.js';
import { problemPage } from '../../shared/pages/problem-page.js';
import { type StatusWords, statusPage } from '../../shared/pages/status-page.js';
import { threeDsChallengePage } from '../../shared/pages/three-ds-pages.js';
import { toMajor } from './amounts.js';
import type { PageResult, PaytechBook } from './book.js';
import type { PaytechPayment } from './model.js';
import { PAYMENT_ID } from './schema.js';
import { type PaytechWords, paytechWords } from './words.js';

const ACTIONS = ['card', '3ds', 'cancel'] as const;
type PageAction = (typeof ACTIONS)[number];

interface PageContext {
  prefix: string;
  language: PageLanguage;
  /** The shopper chose the language (`?lang=`): forms carry it on. */
  explicit: boolean;
  words: PaytechWords;
  payment?: PaytechPayment;
}

export async function handleHostedPage(
  request: Request,
  url: URL,
  book: PaytechBook,
  prefix: string,
): Promise<Response | undefined> {
  const match = new RegExp(`^${prefix}/payment/([^/]+)(?:/([^/]+))?$`).exec(url.pathname);
  if (!match) return undefined;
  const [, id, action] = match;
  const found = PAYMENT_ID.test(id) ? book.get(id) : undefined;
  const payment = found?.paymentType === 'DEPOSIT' ? found : undefined;

  if (action === undefined) {
    const context = contextOf(prefix, url.searchParams.get('lang'), payment);
    if (request.method !== 'GET' && request.method !== 'HEAD') return problem(context, 405);
    if (!payment) return problem(context, 404);
    return htmlResponse(200, render(context));
  }
  let form: URLSearchParams;
  try {
    form = await readPageForm(request);
  } catch (error) {
    const context = contextOf(prefix, null, payment);
    if (error instanceof FormTooLargeError) return problem(context, 413);
    if (error instanceof MalformedFormError) return problem(context, 400);
    throw error;
  }
  const context = contextOf(prefix, form.get('lang'), payment);
  if (!(ACTIONS as readonly string[]).includes(action)) return problem(context, 404);
  if (request.method !== 'POST') return problem(context, 405);
  if (!payment) return problem(context, 404);
  const result = act(action as PageAction, form, payment.id, book);
  if (!result) return problem(context, 400);
  const next = { ...context, payment: result.payment };
  if (result.ok) return seeOther(new URL(pageHref(next), url).toString());
  switch (result.error) {
    case 'already_final':
      return htmlResponse(409, render(next, next.words.finishedTitle));
    case 'wrong_step':
      return htmlResponse(
        409,
        problemPage(frameOf(next), next.words.wrongStepTitle, next.words.wrongStepText, pageHref(next)),
      );
    default: {
      const fields = requireFields(form, ['expiry', 'name']);
      return htmlResponse(
        422,
        cardStep(
          next,
          { code: result.error, text: errorText(next.words, result.error) },
          fields ?? undefined,
        ),
      );
    }
  }
}

function act(
  action: PageAction,
  form: URLSearchParams,
  id: string,
  book: PaytechBook,
): PageResult | undefined {
  switch (action) {
    case 'card': {
      const fields = requireFields(form, ['number', 'expiry', 'cvc', 'name']);
      return fields ? book.submitCard(id, fields) : undefined;
    }
    case '3ds': {
      const result = form.get('result');
      if (result !== 'pass' && result !== 'fail') return undefined;
      return book.completeThreeDs(id, result === 'pass');
    }
    case 'cancel':
      return book.cancel(id);
    default: {
      const unknown: never = action;
      throw new Error(`Unhandled page action ${String(unknown)}`);
    }
  }
}

function contextOf(
  prefix: string,
  requested: string | null,
  payment: PaytechPayment | undefined,
): PageContext {
  const language = pickPageLanguage(requested);
  return {
    prefix,
    language,
    explicit: isPageLanguage(requested?.toLowerCase()),
    words: paytechWords(language),
    ...(payment ? { payment } : {}),
  };
}

function pageHref(context: PageContext, lang?: PageLanguage): string {
  const base = `${context.prefix}/payment/${context.payment?.id ?? ''}`;
  const language = lang ?? (context.explicit ? context.language : undefined);
  return language ? `${base}?lang=${language}` : base;
}

function frameOf(context: PageContext): PageFrame {
  const { payment, words } = context;
  return {
    language: context.language,
    words,
    brand: words.brand,
    ...(payment ? { languageHref: (language: PageLanguage) => pageHref(context, language) } : {}),
    ...(payment
      ? {
          summary: {
            amount: formatAmount(
              String(toMajor(payment.amount, payment.currency)),
              payment.currency,
              words.locale,
            ),
            ...(payment.referenceId ? { reference: payment.referenceId } : {}),
          },
          cancelAction: `${context.prefix}/payment/${payment.id}/cancel`,
        }
      : {}),
    hiddenFields: context.explicit
      ? html`<input type="hidden" name="lang" value="${context.language}">`
      : html``,
  };
}

function render(context: PageContext, notice?: string): Html {
  const payment = context.payment!;
  switch (payment.step) {
    case 'card':
      return cardStep(context);
    case '3ds':
      return threeDsChallengePage(frameOf(context), {
        action: `${context.prefix}/payment/${payment.id}/3ds`,
        amount: amountText(context),
        ...(payment.card ? { card: payment.card } : {}),
      });
    case 'done':
      return statusPage(frameOf(context), outcomeWords(payment, context.words), returnUrlOf(payment), notice);
    default: {
      const unknown: never = payment.step;
      throw new Error(`Unhandled step ${String(unknown)}`);
    }
  }
}

function cardStep(
  context: PageContext,
  error?: { code: string; text: string },
  values?: { expiry: string; name: string },
): Html {
  const payment = context.payment!;
  return cardPage(frameOf(context), {
    action: `${context.prefix}/payment/${payment.id}/card`,
    amount: amountText(context),
    testHint: context.words.cardHint,
    ...(error ? { error } : {}),
    ...(values ? { values } : {}),
  });
}

function amountText(context: PageContext): string {
  const payment = context.payment!;
  return formatAmount(
    String(toMajor(payment.amount, payment.currency)),
    payment.currency,
    context.words.locale,
  );
}

function errorText(words: PaytechWords, code: string): string {
  return (words.formErrors as Record<string, string>)[code] ?? words.badRequestText;
}

/** The outcome in plain words, from the state and pay.tech's error code. */
export function outcomeWords(payment: PaytechPayment, words: PaytechWords): StatusWords {
  const { statusHeadline: head, statusDetail: detail } = words;
  switch (payment.state) {
    case 'COMPLETED':
      return { tone: 'ok', headline: head.completed, detail: detail.completed };
    case 'AUTHORIZED':
      return { tone: 'ok', headline: words.authorizedHeadline, detail: words.authorizedDetail };
    case 'DECLINED':
      if (payment.errorCode === '5.00' || payment.errorCode === '5.01') {
        return { tone: 'bad', headline: head.failed, detail: detail.authenticationFailed };
      }
      return {
        tone: 'bad',
        headline: head.declined,
        detail:
          payment.errorCode === '4.01'
            ? detail.insufficientFunds
            : payment.errorCode === '4.06'
              ? detail.stolenCard
              : detail.declined,
      };
    case 'CANCELLED':
      return payment.errorCode === '1.04'
        ? { tone: 'bad', headline: head.expired, detail: detail.expired }
        : { tone: 'bad', headline: head.cancelled, detail: detail.cancelled };
    case 'CHECKOUT':
    case 'PENDING':
      return { tone: 'wait', headline: head.inProgress, detail: detail.inProgress };
    default: {
      const unknown: never = payment.state;
      throw new Error(`Unhandled pay.tech state ${String(unknown)}`);
    }
  }
}

/** `returnUrl` with pay.tech's placeholders filled in (packages/sandbox/README.md, "pay.tech": `{id}/{referenceId}/{state}/{type}`). */
export function returnUrlOf(payment: PaytechPayment): string {
  const values: Record<string, string> = {
    id: payment.id,
    referenceId: payment.referenceId ?? '',
    state: payment.state,
    type: payment.paymentType,
  };
  return (payment.returnUrl ?? '').replace(/\{(id|referenceId|state|type)\}/g, (_, name: string) =>
    encodeURIComponent(values[name]),
  );
}

function problem(context: PageContext, status: 400 | 404 | 405 | 413): Response {
  const { words } = context;
  const [title, text] =
    status === 404
      ? [words.notFoundTitle, words.notFoundText]
      : status === 413
        ? [words.tooLargeTitle, words.tooLargeText]
        : [words.badRequestTitle, words.badRequestText];
  const response = htmlResponse(
    status,
    problemPage(frameOf({ ...context, payment: undefined }), title, text),
  );
  if (status === 405) response.headers.set('allow', 'GET, POST');
  return response;
}

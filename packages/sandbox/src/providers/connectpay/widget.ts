/**
 * The hosted widget at `{base}/widget`: `GET ?key=` renders the payment's current step; the form posts
 * `{base}/widget/{method,bank,login,code,card,3ds,wallet,cancel}` act on the payment book and answer
 * 303 back to the GET (post/redirect/get), 422 with the same step and the error for a user mistake,
 * 404 for an unknown key, 409 when the payment is final or elsewhere, 400 for a malformed form
 * (wire contract, "Journeys"). No step needs JavaScript.
 */
import {
  FormTooLargeError,
  MalformedFormError,
  readPageForm,
  requireFields,
} from '../../shared/http/form.js';
import { htmlResponse, seeOther } from '../../shared/http/html-response.js';
import { isPageLanguage } from '../../shared/i18n/languages.js';
import type { Html } from '../../shared/pages/html.js';
import { problemPage as sharedProblemPage } from '../../shared/pages/problem-page.js';
import { PaymentNotFoundError } from './book.js';
import { messagesFor, pickLanguage } from './i18n/index.js';
import type { ConnectPayMethod, PaymentBook, SandboxPayment, WidgetResult } from './model.js';
import { frameOf, type PageContext } from './pages/context.js';
import { statusPage } from './pages/status-page.js';
import { type StepInput, stepPage } from './pages/step-page.js';

const ACTIONS = ['method', 'bank', 'login', 'code', 'card', '3ds', 'wallet', 'cancel'] as const;
type WidgetAction = (typeof ACTIONS)[number];

function isAction(value: string): value is WidgetAction {
  return (ACTIONS as readonly string[]).includes(value);
}

/**
 * `onServed` hears of every widget request that named a known payment's key (a page shown or a form
 * posted), whatever the answer: inspection only (widget-visits.ts), it changes nothing.
 */
export async function handleWidget(
  request: Request,
  url: URL,
  book: PaymentBook,
  basePath: string,
  onServed: (payment: SandboxPayment) => void = () => undefined,
): Promise<Response | undefined> {
  const root = `${basePath}/widget`;
  if (url.pathname === root) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(url, basePath, 'GET');
    return showStep(url, book, basePath, onServed);
  }
  if (!url.pathname.startsWith(`${root}/`)) return undefined;
  const action = url.pathname.slice(root.length + 1);
  if (!isAction(action)) return notFound(contextFor(url, basePath));
  if (request.method !== 'POST') return methodNotAllowed(url, basePath, 'POST');

  let form: URLSearchParams;
  try {
    form = await readPageForm(request);
  } catch (error) {
    if (error instanceof FormTooLargeError) return problem(url, basePath, 413, 'tooLarge');
    if (error instanceof MalformedFormError) return problem(url, basePath, 400, 'badRequest');
    throw error;
  }
  const key = form.get('key');
  const payment = key ? book.byKey(key) : undefined;
  const requested = form.get('lang');
  const context = contextFor(url, basePath, payment, requested, key ?? undefined);
  if (!key || !payment) return notFound(context);
  onServed(payment);

  try {
    return act(action, form, key, book, context, url);
  } catch (error) {
    // The payment vanished between lookup and action (an admin reset): same answer as an unknown key.
    if (error instanceof PaymentNotFoundError) return notFound(context);
    throw error;
  }
}

function act(
  action: WidgetAction,
  form: URLSearchParams,
  key: string,
  book: PaymentBook,
  context: PageContext,
  url: URL,
): Response {
  let result: WidgetResult;
  let values: StepInput['values'];
  switch (action) {
    case 'method': {
      const fields = requireFields(form, ['method']);
      if (!fields) return badRequest(context);
      result = book.chooseMethod(key, fields.method as ConnectPayMethod);
      break;
    }
    case 'bank': {
      const fields = requireFields(form, ['providerId']);
      if (!fields) return badRequest(context);
      result = book.chooseBank(key, fields.providerId);
      break;
    }
    case 'login': {
      const fields = requireFields(form, ['username', 'password']);
      if (!fields) return badRequest(context);
      result = book.bankLogin(key, fields.username, fields.password);
      values = { username: fields.username };
      break;
    }
    case 'code': {
      const fields = requireFields(form, ['code']);
      if (!fields) return badRequest(context);
      result = book.bankCode(key, fields.code);
      break;
    }
    case 'card': {
      const fields = requireFields(form, ['number', 'expiry', 'cvc', 'name']);
      if (!fields) return badRequest(context);
      result = book.submitCard(key, fields);
      values = { expiry: fields.expiry, name: fields.name };
      break;
    }
    case '3ds': {
      const outcome = form.get('result');
      if (outcome !== 'pass' && outcome !== 'fail') return badRequest(context);
      result = book.completeThreeDS(key, outcome === 'pass');
      break;
    }
    case 'wallet':
      result = book.confirmWallet(key);
      break;
    case 'cancel':
      result = book.cancel(key);
      break;
    default: {
      const unsupported: never = action;
      throw new Error(`Unsupported widget action ${String(unsupported)}`);
    }
  }

  const next: PageContext = { ...context, payment: result.payment };
  if (result.ok) return redirectToStep(next, url);
  switch (result.error) {
    case 'already_final':
      return htmlResponse(409, statusPage(next, result.payment, next.messages.finishedTitle));
    case 'wrong_step':
      return htmlResponse(
        409,
        problemPage(next, next.messages.wrongStepTitle, next.messages.wrongStepText, stepHref(next)),
      );
    default:
      return htmlResponse(422, stepPage(next, result.payment, { error: result.error, values }));
  }
}

function showStep(
  url: URL,
  book: PaymentBook,
  basePath: string,
  onServed: (payment: SandboxPayment) => void,
): Response {
  const key = url.searchParams.get('key');
  const payment = key ? book.byKey(key) : undefined;
  const context = contextFor(url, basePath, payment, url.searchParams.get('lang'), key ?? undefined);
  if (!payment) return notFound(context);
  onServed(payment);
  const search = {
    country: url.searchParams.get('country') ?? undefined,
    query: url.searchParams.get('q') ?? undefined,
  };
  if (payment.step === 'choose-bank') {
    context.keepQuery = definedEntries({ country: search.country, q: search.query });
  }
  return htmlResponse(200, stepPage(context, payment, { search }));
}

function contextFor(
  url: URL,
  basePath: string,
  payment?: SandboxPayment,
  requestedLanguage?: string | null,
  key?: string,
): PageContext {
  const requested = requestedLanguage ?? url.searchParams.get('lang');
  const language = pickLanguage(requested, payment?.language);
  return {
    language,
    messages: messagesFor(language),
    basePath,
    explicitLanguage: isPageLanguage(requested?.toLowerCase()),
    key,
    payment,
  };
}

function stepHref(context: PageContext): string {
  const query = new URLSearchParams({ key: context.payment?.key ?? context.key ?? '' });
  if (context.explicitLanguage) query.set('lang', context.language);
  return `${context.basePath}/widget?${query.toString()}`;
}

/** Post/redirect/get: the next step is always rendered by a GET, so reload and back behave. */
function redirectToStep(context: PageContext, url: URL): Response {
  return seeOther(new URL(stepHref(context), url).toString());
}

function problemPage(context: PageContext, title: string, text: string, continueHref?: string): Html {
  return sharedProblemPage(frameOf(context), title, text, continueHref);
}

function notFound(context: PageContext): Response {
  return htmlResponse(
    404,
    problemPage(context, context.messages.notFoundTitle, context.messages.notFoundText),
  );
}

function badRequest(context: PageContext): Response {
  return htmlResponse(
    400,
    problemPage(context, context.messages.badRequestTitle, context.messages.badRequestText),
  );
}

function problem(
  url: URL,
  basePath: string,
  status: 400 | 405 | 413,
  kind: 'badRequest' | 'tooLarge',
): Response {
  const context = contextFor(url, basePath);
  const { messages } = context;
  const [title, text] =
    kind === 'tooLarge'
      ? [messages.tooLargeTitle, messages.tooLargeText]
      : [messages.badRequestTitle, messages.badRequestText];
  return htmlResponse(status, problemPage(context, title, text));
}

function methodNotAllowed(url: URL, basePath: string, allow: string): Response {
  const response = problem(url, basePath, 405, 'badRequest');
  response.headers.set('allow', allow);
  return response;
}

function definedEntries(record: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out[name] = value;
  return out;
}

/**
 * The hosted Connect page at `{prefix}/connect/{session_id}`: `GET` renders the session's step (bank
 * list by country and PSU type with search, bank login, SCA code, outcome); the forms post to
 * `…/{bank,login,code,cancel}` and answer 303 back to the GET (post/redirect/get), 422 with the same
 * step and the error for a shopper's mistake, 404 for an unknown session, 409 when it is final. The
 * outcome page's "Return to merchant" goes to `redirect_uri` with `session_id`, `status` and `state`
 * (the state exactly as the merchant gave it). No step needs JavaScript.
 */
import { FormTooLargeError, MalformedFormError, readPageForm } from '../../shared/http/form.js';
import { htmlResponse, seeOther } from '../../shared/http/html-response.js';
import { safeDecode } from '../../shared/http/path.js';
import { isPageLanguage, type PageLanguage, pickPageLanguage } from '../../shared/i18n/languages.js';
import { bankCodePage, bankLoginPage } from '../../shared/pages/bank-pages.js';
import { type Html, html } from '../../shared/pages/html.js';
import { formatAmount, type PageFrame } from '../../shared/pages/layout.js';
import { problemPage } from '../../shared/pages/problem-page.js';
import { statusPage } from '../../shared/pages/status-page.js';
import { FINTECTURE_COUNTRIES, findFintectureBank, searchFintectureBanks } from './banks.js';
import type { ConnectResult, FintectureBook } from './book.js';
import { type FintectureSession, PSU_TYPES, type PsuType } from './model.js';
import { bankListPage } from './pages/bank-list-page.js';
import { statusWords } from './pages/status-words.js';
import { type ConnectWords, connectWordsFor } from './words.js';

const ACTIONS = ['bank', 'login', 'code', 'cancel'] as const;
type Action = (typeof ACTIONS)[number];

interface PageContext {
  prefix: string;
  session?: FintectureSession;
  sessionId: string;
  language: PageLanguage;
  /** The shopper chose the language (`?lang=`): forms carry it on. */
  explicit: boolean;
  words: ConnectWords;
  /** Search parameters the language links keep. */
  keep?: Record<string, string>;
}

/** Where the shopper goes back to the merchant: `redirect_uri` plus `session_id`, `status`, `state`. */
export function merchantReturnUrl(session: FintectureSession): string {
  const url = new URL(session.redirectUri);
  url.searchParams.set('session_id', session.id);
  url.searchParams.set('status', session.status);
  url.searchParams.set('state', session.state);
  return url.toString();
}

export async function handleConnect(
  request: Request,
  url: URL,
  book: FintectureBook,
  prefix: string,
): Promise<Response | undefined> {
  const root = `${prefix}/connect/`;
  if (!url.pathname.startsWith(root)) return undefined;
  const [rawId, action, ...rest] = url.pathname.slice(root.length).split('/');
  const sessionId = safeDecode(rawId ?? '');
  if (rest.length > 0 || (action !== undefined && !(ACTIONS as readonly string[]).includes(action))) {
    return notFound(contextFor(url, prefix, sessionId));
  }
  if (action === undefined) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return withAllow(problem(contextFor(url, prefix, sessionId), 405), 'GET');
    const context = contextFor(url, prefix, sessionId, book.get(sessionId));
    if (!context.session) return notFound(context);
    return htmlResponse(200, stepPage(context, context.session, url));
  }
  if (request.method !== 'POST') return withAllow(problem(contextFor(url, prefix, sessionId), 405), 'POST');
  let form: URLSearchParams;
  try {
    form = await readPageForm(request);
  } catch (error) {
    if (error instanceof FormTooLargeError) return problem(contextFor(url, prefix, sessionId), 413);
    if (error instanceof MalformedFormError) return problem(contextFor(url, prefix, sessionId), 400);
    throw error;
  }
  const context = contextFor(url, prefix, sessionId, book.get(sessionId), form.get('lang'));
  if (!context.session) return notFound(context);
  const result = act(action as Action, form, sessionId, book);
  if (!result) return problem(context, 400);
  const next = { ...context, session: result.session };
  if (result.ok) return seeOther(new URL(stepHref(next), url).toString());
  switch (result.error) {
    case 'already_final':
      return htmlResponse(409, outcomePage(next, result.session, next.words.finishedTitle));
    case 'wrong_step':
      return htmlResponse(
        409,
        problemPage(frameOf(next), next.words.wrongStepTitle, next.words.wrongStepText, stepHref(next)),
      );
    default:
      return htmlResponse(
        422,
        stepPage(next, result.session, url, {
          error: next.words.errors[result.error],
          username: form.get('username') ?? undefined,
        }),
      );
  }
}

function act(
  action: Action,
  form: URLSearchParams,
  id: string,
  book: FintectureBook,
): ConnectResult | undefined {
  switch (action) {
    case 'bank': {
      const provider = form.get('provider');
      return provider === null ? undefined : book.chooseBank(id, provider);
    }
    case 'login': {
      const username = form.get('username');
      const password = form.get('password');
      return username === null || password === null ? undefined : book.logIn(id, username, password);
    }
    case 'code': {
      const code = form.get('code');
      return code === null ? undefined : book.confirmCode(id, code);
    }
    case 'cancel':
      return book.cancel(id);
    default: {
      const unsupported: never = action;
      throw new Error(`Unsupported Connect action ${String(unsupported)}`);
    }
  }
}

function stepPage(
  context: PageContext,
  session: FintectureSession,
  url: URL,
  input: { error?: string; username?: string } = {},
): Html {
  const frame = frameOf(context);
  const { words } = context;
  switch (session.step) {
    case 'choose-bank': {
      const country = (url.searchParams.get('country') || session.country || 'FR').toUpperCase();
      const asked = url.searchParams.get('psu_type');
      const psuType: PsuType = (PSU_TYPES as readonly string[]).includes(asked ?? '')
        ? (asked as PsuType)
        : session.psuType;
      const query = url.searchParams.get('q') ?? '';
      context.keep = { country, psu_type: psuType, ...(query ? { q: query } : {}) };
      return bankListPage(frameOf(context), words, {
        searchAction: pagePath(context),
        chooseAction: pagePath(context, 'bank'),
        countries: FINTECTURE_COUNTRIES,
        country: /^[A-Z]{2}$/.test(country) ? country : 'FR',
        psuType,
        query,
        banks: searchFintectureBanks(country, psuType, query),
        error: input.error,
      });
    }
    case 'bank-login':
      return bankLoginPage(frame, {
        action: pagePath(context, 'login'),
        bankName: findFintectureBank(session.provider ?? '', session.country)?.name ?? session.provider ?? '',
        username: input.username,
        testHint: words.loginHint,
        error: input.error,
      });
    case 'bank-code':
      return bankCodePage(frame, {
        action: pagePath(context, 'code'),
        testHint: words.codeHint,
        error: input.error,
      });
    case 'done':
      return outcomePage(context, session);
    default: {
      const unsupported: never = session.step;
      throw new Error(`Unsupported Connect step ${String(unsupported)}`);
    }
  }
}

function outcomePage(context: PageContext, session: FintectureSession, notice?: string): Html {
  return statusPage(
    frameOf(context),
    statusWords(session, context.words),
    merchantReturnUrl(session),
    notice,
  );
}

function contextFor(
  url: URL,
  prefix: string,
  sessionId: string,
  session?: FintectureSession,
  formLanguage?: string | null,
): PageContext {
  const requested = formLanguage ?? url.searchParams.get('lang');
  const language = pickPageLanguage(requested, session?.language);
  return {
    prefix,
    session,
    sessionId,
    language,
    explicit: isPageLanguage(requested?.toLowerCase()),
    words: connectWordsFor(language),
  };
}

function pagePath(context: PageContext, action?: string): string {
  const base = `${context.prefix}/connect/${encodeURIComponent(context.sessionId)}`;
  return action ? `${base}/${action}` : base;
}

function stepHref(context: PageContext): string {
  return context.explicit ? `${pagePath(context)}?lang=${context.language}` : pagePath(context);
}

function frameOf(context: PageContext): PageFrame {
  const { session, words } = context;
  return {
    language: context.language,
    words,
    brand: words.brand,
    languageHref: (language) =>
      `${pagePath(context)}?${new URLSearchParams({ ...context.keep, lang: language }).toString()}`,
    ...(session
      ? {
          summary: {
            amount: formatAmount(session.amount, session.currency, words.locale),
            ...(session.communication ? { reference: session.communication } : {}),
          },
        }
      : {}),
    hiddenFields: context.explicit
      ? html`<input type="hidden" name="lang" value="${context.language}">`
      : html``,
    cancelAction: pagePath(context, 'cancel'),
  };
}

function notFound(context: PageContext): Response {
  return htmlResponse(
    404,
    problemPage(frameOf(context), context.words.notFoundTitle, context.words.notFoundText),
  );
}

function problem(context: PageContext, status: 400 | 405 | 413): Response {
  const { words } = context;
  const [title, text] =
    status === 413
      ? [words.tooLargeTitle, words.tooLargeText]
      : [words.badRequestTitle, words.badRequestText];
  return htmlResponse(status, problemPage(frameOf(context), title, text));
}

function withAllow(response: Response, allow: string): Response {
  response.headers.set('allow', allow);
  return response;
}

import { randomUUID } from 'node:crypto';
import { CheckoutError } from '@pay-checkout/server-kit';
import { AmountFormatError, type BackOffice, type OperationResult } from '../back-office/back-office.js';
import { clearFlashCookie, FLASH_COOKIE, type Flash, flashCookie, parseFlash } from '../back-office/flash.js';
import type { OperationKind } from '../back-office/merchant-session.js';
import {
  BACK_OFFICE_PATH,
  isMerchantKey,
  issueSignInToken,
  isValidSignInToken,
  readCookie,
  SIGN_IN_COOKIE,
  signInCookie,
  signOutCookie,
} from '../back-office/sign-in.js';
import { cartCount } from '../cart.js';
import { readForm } from '../http/request-body.js';
import { createNonce, redirect, sendHtml } from '../http/responses.js';
import { renderBackOfficePage } from '../pages/back-office-page.js';
import {
  renderBackOfficeOffPage,
  renderBackOfficeRefusedPage,
  renderBackOfficeSignInPage,
} from '../pages/back-office-sign-in-page.js';
import { formatMoney } from '../pages/format.js';
import { shopOrigins } from '../payments.js';
import type { Route, RouteContext } from './context.js';

/** The newest orders the page lists; older ones stay in the order book, unlisted. */
const LISTED_ORDERS = 50;

const OPERATION_PATH = /^\/back-office\/sessions\/([A-Za-z0-9_-]{1,64})\/(capture|void|refund)$/;

/** The key the page rendered into the form; a malformed one is replaced by a fresh one. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function isSecure(ctx: RouteContext): boolean {
  return new URL(ctx.deps.config.shopUrl).protocol === 'https:';
}

function isSignedIn(ctx: RouteContext, backOffice: BackOffice): boolean {
  const token = readCookie(ctx.req.headers.cookie, SIGN_IN_COOKIE);
  return token !== undefined && isValidSignInToken(token, backOffice.merchantKey);
}

/**
 * A form of the back office must come from the shop's own pages. SameSite=Strict already keeps the
 * sign-in cookie off other sites' posts; this also refuses a cross-site sign-in attempt, and any
 * post a browser marks with a foreign `Origin`.
 */
function fromShopOrigin(ctx: RouteContext): boolean {
  const origin = ctx.req.headers.origin;
  return origin === undefined || shopOrigins(ctx.deps.config.shopUrl).includes(origin);
}

function signInPage(
  ctx: RouteContext,
  status: number,
  input: { error?: string; notice?: string } = {},
): true {
  const nonce = createNonce();
  sendHtml(
    ctx.res,
    status,
    renderBackOfficeSignInPage({ nonce, cartCount: cartCount(ctx.cart), ...input }),
    nonce,
  );
  return true;
}

async function showBackOffice(ctx: RouteContext, backOffice: BackOffice): Promise<true> {
  const flash = parseFlash(readCookie(ctx.req.headers.cookie, FLASH_COOKIE));
  const orders = await Promise.all(
    ctx.deps.orders
      .list()
      .slice(0, LISTED_ORDERS)
      .map(async (order) => ({ order, sessions: await backOffice.sessionsOf(order.id) })),
  );
  const nonce = createNonce();
  // Shown once: the next reload no longer carries it.
  if (flash) ctx.res.setHeader('set-cookie', clearFlashCookie(isSecure(ctx)));
  sendHtml(
    ctx.res,
    200,
    renderBackOfficePage({ orders, flash, nonce, cartCount: cartCount(ctx.cart) }),
    nonce,
  );
  return true;
}

async function signIn(ctx: RouteContext, backOffice: BackOffice): Promise<true> {
  const form = await readForm(ctx.req);
  const candidate = form.get('merchantKey') ?? '';
  if (!isMerchantKey(candidate, backOffice.merchantKey)) {
    return signInPage(ctx, 401, { error: 'That is not the merchant key. Check it and try again.' });
  }
  redirect(ctx.res, BACK_OFFICE_PATH, {
    'set-cookie': signInCookie(issueSignInToken(backOffice.merchantKey), isSecure(ctx)),
  });
  return true;
}

const DONE: Record<OperationKind, string> = { capture: 'Captured', void: 'Voided', refund: 'Refunded' };
const NOUN: Record<OperationKind, string> = { capture: 'capture', void: 'void', refund: 'refund' };

function resultFlash(sessionId: string, result: OperationResult): Flash {
  const amount = formatMoney(result.amount.value, result.amount.currency);
  switch (result.status) {
    case 'succeeded':
      return { tone: 'ok', text: `${DONE[result.kind]} ${amount} of payment ${sessionId}.` };
    case 'pending':
      return {
        tone: 'warn',
        text: `The ${NOUN[result.kind]} of ${amount} (payment ${sessionId}) is with the provider, which confirms it later.`,
      };
    case 'failed':
      return {
        tone: 'bad',
        text: `The provider declined the ${NOUN[result.kind]} of ${amount} (payment ${sessionId})${
          result.reason ? `: ${result.reason}` : ''
        }.`,
      };
    default: {
      const unknown: never = result.status;
      throw new Error(`Unknown operation status ${String(unknown)}`);
    }
  }
}

/**
 * Runs one button press through server-kit, then post/redirect/get: the result (or server-kit's
 * refusal with its code, e.g. `amount_exceeds_refundable`) rides in a one-time cookie to the page.
 */
async function operate(
  ctx: RouteContext,
  backOffice: BackOffice,
  sessionId: string,
  kind: OperationKind,
): Promise<true> {
  const form = await readForm(ctx.req);
  const typed = form.get('idempotencyKey') ?? '';
  const idempotencyKey = IDEMPOTENCY_KEY.test(typed) ? typed : randomUUID();
  let flash: Flash;
  try {
    const result = await backOffice.operate(sessionId, kind, {
      amount: form.get('amount') ?? undefined,
      idempotencyKey,
    });
    flash = resultFlash(sessionId, result);
  } catch (error) {
    if (!(error instanceof CheckoutError || error instanceof AmountFormatError)) throw error;
    if (error.status >= 500) console.error('demo: back-office operation failed', kind, sessionId, error);
    flash = {
      tone: 'bad',
      text: `The ${NOUN[kind]} of payment ${sessionId} was not done: ${error.message} (${error.code})`,
    };
  }
  redirect(ctx.res, `${BACK_OFFICE_PATH}#result`, { 'set-cookie': flashCookie(flash, isSecure(ctx)) });
  return true;
}

/**
 * `/back-office`: the shop's orders with their payments, and Capture / Void / Refund through
 * server-kit. Signed in with the merchant key (a form, then an HttpOnly SameSite=Strict cookie);
 * the key itself never reaches the browser again and never appears in a URL or a log line.
 * Off (404 with an explanation) when no merchant key is configured.
 */
export const backOfficeRoutes: Route = async (ctx) => {
  const path = ctx.url.pathname;
  if (path !== BACK_OFFICE_PATH && !path.startsWith(`${BACK_OFFICE_PATH}/`)) return false;
  const method = ctx.req.method ?? 'GET';
  const { backOffice } = ctx.deps;
  if (!backOffice) {
    const nonce = createNonce();
    sendHtml(ctx.res, 404, renderBackOfficeOffPage({ nonce, cartCount: cartCount(ctx.cart) }), nonce);
    return true;
  }
  const read = method === 'GET' || method === 'HEAD';
  if (!read && method !== 'POST') return false;
  if (method === 'POST' && !fromShopOrigin(ctx)) {
    const nonce = createNonce();
    sendHtml(ctx.res, 403, renderBackOfficeRefusedPage({ nonce, cartCount: cartCount(ctx.cart) }), nonce);
    return true;
  }
  if (path === BACK_OFFICE_PATH && read) {
    return isSignedIn(ctx, backOffice) ? showBackOffice(ctx, backOffice) : signInPage(ctx, 401);
  }
  if (path === `${BACK_OFFICE_PATH}/sign-in` && method === 'POST') return signIn(ctx, backOffice);
  if (path === `${BACK_OFFICE_PATH}/sign-out` && method === 'POST') {
    redirect(ctx.res, BACK_OFFICE_PATH, { 'set-cookie': signOutCookie(isSecure(ctx)) });
    return true;
  }
  const operation = OPERATION_PATH.exec(path);
  if (operation && method === 'POST') {
    if (!isSignedIn(ctx, backOffice)) {
      return signInPage(ctx, 401, { notice: 'Sign in to capture, void or refund payments.' });
    }
    return operate(ctx, backOffice, operation[1], operation[2] as OperationKind);
  }
  return false;
};

import { randomUUID } from 'node:crypto';
import type { BackOfficeSession } from '../back-office/back-office.js';
import type { Flash } from '../back-office/flash.js';
import { type MerchantSession, OPERATION_KINDS } from '../back-office/merchant-session.js';
import { type OpenAmount, unsupportedOperations } from '../back-office/open-operations.js';
import type { Order } from '../orders.js';
import { formatMoney } from './format.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

export interface BackOfficeOrder {
  order: Order;
  /** Newest first. */
  sessions: BackOfficeSession[];
}

const METHODS: Readonly<Record<string, string>> = {
  pis: 'Bank payment',
  card: 'Card payment',
  googlepay: 'Google Pay payment',
  applepay: 'Apple Pay payment',
};

const WHEN = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeStyle: 'medium' });

function when(iso: string | Date): SafeHtml {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return html`<time datetime="${date.toISOString()}">${WHEN.format(date)}</time>`;
}

/** `capture, void or refund`: a list of kinds as a sentence says it. */
function sayList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function flashNotice(flash: Flash | undefined): SafeHtml | string {
  if (!flash) return '';
  const tone = flash.tone === 'ok' ? '' : flash.tone;
  // `#result` is where the post redirects to, so the result is the first thing read after a press.
  return html`<div id="result" tabindex="-1" class="notice ${tone}" role="${flash.tone === 'bad' ? 'alert' : 'status'}">
      <p>${flash.text}</p></div>`;
}

function facts(session: MerchantSession, providerLabel: string): SafeHtml {
  const money = (minor: number) => formatMoney(minor, session.amount.currency);
  return html`<dl class="bo-facts">
      <div><dt>Status</dt><dd>${session.status}${session.reason ? ` (${session.reason})` : ''}</dd></div>
      <div><dt>Provider</dt><dd>${providerLabel}</dd></div>
      <div><dt>Amount</dt><dd>${money(session.amount.value)}</dd></div>
      <div><dt>Authorized</dt><dd>${money(session.amounts.authorized)}</dd></div>
      <div><dt>Captured</dt><dd>${money(session.amounts.captured)}</dd></div>
      <div><dt>Refunded</dt><dd>${money(session.amounts.refunded)}</dd></div>
    </dl>`;
}

function operationsTable(session: MerchantSession): SafeHtml | string {
  if (session.operations.length === 0) return '';
  return html`<table class="bo-table">
      <caption>Operations</caption>
      <thead><tr><th scope="col">Operation</th><th scope="col" class="num">Amount</th><th scope="col">Status</th>
        <th scope="col">When</th></tr></thead>
      <tbody>${session.operations.map(
        (operation) => html`<tr><td>${operation.kind}</td>
          <td class="num">${formatMoney(operation.amount.value, operation.amount.currency)}</td>
          <td>${operation.status}${operation.reason ? ` (${operation.reason})` : ''}</td>
          <td>${when(operation.createdAt)}</td></tr>`,
      )}</tbody>
    </table>`;
}

function attemptsTable(session: MerchantSession): SafeHtml | string {
  if (session.attempts.length === 0) return '';
  return html`<table class="bo-table">
      <caption>Provider tries</caption>
      <thead><tr><th scope="col" class="num">Try</th><th scope="col">Provider</th><th scope="col">Outcome</th>
        <th scope="col">When</th></tr></thead>
      <tbody>${session.attempts.map(
        (attempt) => html`<tr><td class="num">${attempt.attempt}</td><td>${attempt.provider}</td>
          <td>${attempt.outcome}${attempt.errorCode ? ` (${attempt.errorCode})` : ''}</td>
          <td>${when(attempt.at)}</td></tr>`,
      )}</tbody>
    </table>`;
}

/**
 * One operation's form. Its idempotency key is made when the page is rendered, so pressing the button
 * twice (or re-sending the form) asks server-kit for the same operation again, which it answers with
 * the first result instead of capturing twice; the next page view brings fresh keys.
 */
function amountForm(
  session: MerchantSession,
  kind: 'capture' | 'refund',
  open: OpenAmount,
  label: string,
): SafeHtml {
  const id = `${kind}-${session.sessionId}`;
  const left = formatMoney(open.remainder, session.amount.currency);
  const button = html`<button type="submit">${label}<span class="visually-hidden"> payment ${session.sessionId}</span></button>`;
  if (!open.partial) {
    return html`<form method="post" action="/back-office/sessions/${session.sessionId}/${kind}" class="bo-action">
        <input type="hidden" name="idempotencyKey" value="${randomUUID()}">
        <p class="muted">${label} all ${left} (the provider takes only the whole amount).</p>
        ${button}
      </form>`;
  }
  return html`<form method="post" action="/back-office/sessions/${session.sessionId}/${kind}" class="bo-action">
      <input type="hidden" name="idempotencyKey" value="${randomUUID()}">
      <div class="field">
        <label for="${id}">Amount to ${kind} (${session.amount.currency})</label>
        <input id="${id}" name="amount" inputmode="decimal" autocomplete="off" size="10"
          aria-describedby="${id}-hint">
        <span id="${id}-hint" class="muted">Optional: leave it empty to ${kind} all ${left} left.</span>
      </div>
      ${button}
    </form>`;
}

function voidForm(session: MerchantSession): SafeHtml {
  return html`<form method="post" action="/back-office/sessions/${session.sessionId}/void" class="bo-action">
      <input type="hidden" name="idempotencyKey" value="${randomUUID()}">
      <p class="muted">Releases the shopper's ${formatMoney(session.amount.value, session.amount.currency)}.</p>
      <button type="submit" class="secondary">Void<span class="visually-hidden"> payment ${session.sessionId}</span></button>
    </form>`;
}

/** The buttons, only where the provider declares the operation and the state allows it; else why not. */
function actions(entry: BackOfficeSession): SafeHtml {
  const { session, provider, open } = entry;
  if (!provider) {
    return html`<p class="bo-note">The provider ${session.provider} of this payment is not configured any more:
      no operation is possible here.</p>`;
  }
  const unsupported = unsupportedOperations(provider.operations);
  const missing =
    unsupported.length > 0
      ? html`<p class="bo-note">${provider.label} does not support ${sayList(unsupported)}.</p>`
      : '';
  if (unsupported.length === OPERATION_KINDS.length) return html`${missing}`;
  const forms = [
    open.capture ? amountForm(session, 'capture', open.capture, 'Capture') : '',
    open.void ? voidForm(session) : '',
    open.refund ? amountForm(session, 'refund', open.refund, 'Refund') : '',
  ].filter((form) => form !== '');
  return html`${missing}${
    forms.length > 0
      ? html`<div class="bo-actions">${forms}</div>`
      : html`<p class="bo-note">Nothing to capture, void or refund while the payment is ${session.status}.</p>`
  }`;
}

function sessionArticle(entry: BackOfficeSession): SafeHtml {
  const { session, provider } = entry;
  const headingId = `session-${session.sessionId}`;
  return html`<article class="bo-session" aria-labelledby="${headingId}">
      <h3 id="${headingId}">${METHODS[session.method] ?? session.method} <code>${session.sessionId}</code></h3>
      ${facts(session, provider?.label ?? session.provider)}
      ${operationsTable(session)}
      ${attemptsTable(session)}
      ${actions(entry)}
    </article>`;
}

function orderSection({ order, sessions }: BackOfficeOrder): SafeHtml {
  const headingId = `order-${order.id}`;
  return html`<section class="card bo-order" aria-labelledby="${headingId}">
      <h2 id="${headingId}">Order <code>${order.id}</code></h2>
      <p class="muted">${order.description} · ${formatMoney(order.total, order.currency)} · placed
        ${when(order.createdAt)}</p>
      ${
        sessions.length === 0
          ? html`<p class="bo-note">No payment started yet.</p>`
          : sessions.map(sessionArticle)
      }
    </section>`;
}

/**
 * `/back-office` (signed in): the shop's orders, newest first, each with its payment sessions as
 * server-kit's merchant view shows them (status, provider, amounts authorized / captured / refunded,
 * operations, provider tries) and the operations its provider offers.
 */
export function renderBackOfficePage(input: {
  orders: BackOfficeOrder[];
  flash?: Flash;
  nonce: string;
  cartCount: number;
}) {
  return layout({
    title: 'Back office',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<div class="row">
      <h1>Back office</h1>
      <form method="post" action="/back-office/sign-out"><button type="submit" class="secondary">Sign out</button></form>
    </div>
    <p class="lead">The shop's orders, newest first, with their payments as server-kit records them. Capture,
      void and refund go through server-kit to the payment's provider.</p>
    ${flashNotice(input.flash)}
    ${
      input.orders.length === 0
        ? html`<p class="bo-note">No orders yet. Orders live in the shop's memory, so a restart empties this list.</p>`
        : input.orders.map(orderSection)
    }`,
  });
}

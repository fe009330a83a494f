import { SESSION_STATUSES, type SessionView, statusRank } from '@pay-checkout/contract';
import { formatAmount } from './amount-format.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { LIVE_UPDATE_SCRIPT } from './live-update-script.js';
import { formattingLocale, pageMessages } from './locale.js';
import { pageDocument } from './page-document.js';
import { merchantReturnHref } from './return-url.js';
import { buildStatusCopyTable, describeStatus } from './status-copy.js';

export interface ReturnPageInput {
  /** The session as the store/provider says it is; never anything from the query string. */
  session: SessionView;
  /** Already negotiated (see negotiateLocale); falls back `pt-BR → pt → en` for the words. */
  locale: string;
  /** CSP nonce for this response (see createNonce, pageHeaders). */
  nonce: string;
  /** Where the kit is mounted, e.g. `/checkout`, no trailing slash. */
  basePath: string;
  /** Allow-listed by the caller; the page adds `?session=<id>`. */
  merchantReturnUrl?: string;
  merchantName?: string;
  /** The order description. */
  description?: string;
}

/**
 * The hosted return/status page (`GET return/:id`): a full HTML document that shows the session's status
 * in plain words, in the shopper's language, and keeps it current without a reload (live-update-script.ts).
 */
export function renderReturnPage(input: ReturnPageInput): string {
  const { session, nonce } = input;
  const { locale, messages } = pageMessages(input.locale);
  const table = buildStatusCopyTable(messages, input.merchantName);
  const entry = describeStatus(table, session.status, session.reason);
  const sessionPath = `${input.basePath}/sessions/${encodeURIComponent(session.sessionId)}`;
  const state = {
    sessionId: session.sessionId,
    status: session.status,
    reason: session.reason ?? '',
    ranks: Object.fromEntries(SESSION_STATUSES.map((status) => [status, statusRank(status)])),
    sessionUrl: sessionPath,
    eventsUrl: `${sessionPath}/events`,
  };
  const amount = formatAmount(
    session.amount.value,
    session.amount.currency,
    formattingLocale(input.locale, locale),
  );
  const returnHref = input.merchantReturnUrl
    ? merchantReturnHref(input.merchantReturnUrl, session.sessionId)
    : undefined;
  const hiddenUnless = (visible: boolean) => (visible ? '' : ' hidden');
  const n = escapeHtml(nonce);

  const details = [
    input.merchantName ? row(messages.merchant, input.merchantName) : '',
    input.description ? row(messages.order, input.description) : '',
    row(messages.amount, amount),
  ].join('');
  const returnLink = returnHref
    ? `<p><a class="button" id="return-link" href="${escapeHtml(returnHref)}"${hiddenUnless(entry.final)}>${escapeHtml(messages.returnToMerchant)}</a></p>`
    : '';

  return pageDocument({
    locale,
    dir: messages.dir,
    title: entry.title,
    nonce,
    body: `<main id="status-card" data-status="${escapeHtml(session.status)}">
<div role="status" aria-live="polite" aria-atomic="true">
<h1 id="status-heading">${escapeHtml(entry.heading)}</h1>
<p id="status-text">${escapeHtml(entry.text)}</p>
<p class="reason" id="status-reason"${hiddenUnless(entry.reason !== '')}>${escapeHtml(entry.reason)}</p>
</div>
<div class="progress" id="status-progress"${hiddenUnless(!entry.final)}>
<span class="spinner" aria-hidden="true"></span>
<span>${escapeHtml(messages.liveUpdates)}</span>
<noscript>${escapeHtml(messages.returnNoScript)}</noscript>
</div>
<dl>${details}</dl>
${returnLink}
</main>
<script type="application/json" id="messages" nonce="${n}">${jsonForScript(table)}</script>
<script type="application/json" id="page-state" nonce="${n}">${jsonForScript(state)}</script>
<script nonce="${n}">${LIVE_UPDATE_SCRIPT}</script>
`,
  });
}

/** One detail row; `<bdi>` isolates a left-to-right merchant name or amount inside an RTL page. */
function row(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd><bdi>${escapeHtml(value)}</bdi></dd>`;
}

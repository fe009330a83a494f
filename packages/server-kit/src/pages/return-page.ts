import { SESSION_STATUSES, type SessionView, statusRank } from '@pay-checkout/contract';
import { formatAmount } from './amount-format.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { LIVE_UPDATE_SCRIPT } from './live-update-script.js';
import { formattingLocale, matchPageLocale, pageMessages } from './locale.js';
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
  /** The languages of the page's own picker (BCP 47 tags); fewer than two: no picker. */
  languages?: readonly string[];
  /**
   * Seconds before a status that is final on arrival forwards to the merchant (visible, announced,
   * cancellable); `false` or unset: never. Pending statuses never forward.
   */
  autoForward?: number | false;
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
  const returnHref = input.merchantReturnUrl
    ? merchantReturnHref(input.merchantReturnUrl, session.sessionId)
    : undefined;
  const state = {
    sessionId: session.sessionId,
    status: session.status,
    reason: session.reason ?? '',
    ranks: Object.fromEntries(SESSION_STATUSES.map((status) => [status, statusRank(status)])),
    sessionUrl: sessionPath,
    eventsUrl: `${sessionPath}/events`,
    // Only a status already final on arrival forwards: one that turns final while the shopper watches
    // was read there, and the link is in reach.
    forward:
      input.autoForward && entry.final && returnHref
        ? { seconds: input.autoForward, href: returnHref, text: messages.autoForward }
        : null,
  };
  const amount = formatAmount(
    session.amount.value,
    session.amount.currency,
    formattingLocale(input.locale, locale),
  );
  const hiddenUnless = (visible: boolean) => (visible ? '' : ' hidden');
  const n = escapeHtml(nonce);

  const details = [
    input.merchantName ? row(messages.merchant, input.merchantName) : '',
    input.description ? row(messages.order, input.description) : '',
    row(messages.amount, amount),
  ].join('');
  // The way back is there in every state: while pending, with the line saying leaving is safe.
  const returnLink = returnHref
    ? `<p class="pending-notice" id="pending-notice"${hiddenUnless(!entry.final)}>${escapeHtml(messages.pendingNotice)}</p>
<p><a class="button" id="return-link" href="${escapeHtml(returnHref)}">${escapeHtml(messages.returnToMerchant)}</a></p>
<div class="forward" id="forward" hidden>
<p><span id="forward-text" aria-hidden="true"></span><span class="sr-only" id="forward-status" role="status"></span></p>
<button type="button" id="forward-cancel">${escapeHtml(messages.stayHere)}</button>
</div>`
    : '';
  const languages = input.languages ?? [];

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
${languages.length > 1 ? languagePicker(languages, locale, messages.language, messages.continueButton) : ''}
</main>
<script type="application/json" id="messages" nonce="${n}">${jsonForScript(table)}</script>
<script type="application/json" id="page-state" nonce="${n}">${jsonForScript(state)}</script>
<script nonce="${n}">${LIVE_UPDATE_SCRIPT}</script>
`,
  });
}

/**
 * The page's language picker: a GET form back to this page with `?lang=`, so it works without script;
 * the page's script submits it on change (replacing the page in place, no history entry).
 */
function languagePicker(
  languages: readonly string[],
  current: string,
  label: string,
  submit: string,
): string {
  const options = languages
    .map((tag) => {
      const selected = matchPageLocale(tag) === current ? ' selected' : '';
      return `<option value="${escapeHtml(tag)}" lang="${escapeHtml(tag)}"${selected}>${escapeHtml(ownName(tag))}</option>`;
    })
    .join('');
  return `<form class="language" id="language-form" method="get">
<label for="language">${escapeHtml(label)}</label>
<select id="language" name="lang">${options}</select>
<noscript><button type="submit">${escapeHtml(submit)}</button></noscript>
</form>`;
}

/** A language's name in itself ("Deutsch", "العربية"), as the element's picker shows it. */
function ownName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/** One detail row; `<bdi>` isolates a left-to-right merchant name or amount inside an RTL page. */
function row(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd><bdi>${escapeHtml(value)}</bdi></dd>`;
}

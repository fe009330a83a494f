/**
 * The last page of every hosted journey: the outcome in plain words and a "Return to merchant" link,
 * styled as a button, to the merchant's return URL exactly as given. Each stage maps its own statuses
 * onto a tone and the shared words (`statusHeadline`, `statusDetail`).
 */
import { type Html, html, safeHref } from './html.js';
import { type PageFrame, renderPage } from './layout.js';

export type StatusTone = 'ok' | 'bad' | 'wait';

export interface StatusWords {
  tone: StatusTone;
  headline: string;
  detail: string;
}

const ICONS: Record<StatusTone, string> = { ok: '✓', bad: '✕', wait: '…' };

/** `notice` adds a line above the outcome (a 409 "already finished" answer reuses the page). */
export function statusPage(frame: PageFrame, words: StatusWords, returnUrl: string, notice?: string): Html {
  return renderPage(frame, {
    title: words.headline,
    panelClass: `status-${words.tone}`,
    body: html`${notice && html`<p class="intro">${notice}</p>`}
<div class="status-icon" aria-hidden="true">${ICONS[words.tone]}</div>
<h1 id="step-title">${words.headline}</h1>
<p>${words.detail}</p>
<div class="actions"><a class="button wide" href="${safeHref(returnUrl)}">${frame.words.returnToMerchant}</a></div>`,
  });
}

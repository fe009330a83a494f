/** Pages for requests a stage's pages cannot serve: unknown key (404), stale step (409), bad form (400, 413). */
import { type Html, html } from './html.js';
import { type PageFrame, renderPage } from './layout.js';

export function problemPage(frame: PageFrame, title: string, text: string, continueHref?: string): Html {
  return renderPage(frame, {
    title,
    body: html`<h1 id="step-title">${title}</h1>
<p role="alert">${text}</p>
${continueHref && html`<div class="actions"><a class="button" href="${continueHref}">${frame.words.continueButton}</a></div>`}`,
  });
}

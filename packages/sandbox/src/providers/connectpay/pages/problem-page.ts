/** Pages for requests the widget cannot serve: unknown key (404), stale step (409), bad form (400, 413). */
import type { PageContext } from './context.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

export function problemPage(context: PageContext, title: string, text: string, continueHref?: string): Html {
  return renderPage(context, {
    title,
    body: html`<h1 id="step-title">${title}</h1>
<p role="alert">${text}</p>
${continueHref && html`<div class="actions"><a class="button" href="${continueHref}">${context.messages.continueButton}</a></div>`}`,
  });
}

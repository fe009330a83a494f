/**
 * `GET /`: which stages this sandbox plays and where. JSON for tools and tests; a small page for a
 * person who opens the printed URL in a browser (`Accept: text/html`).
 */
import { htmlResponse } from './shared/http/html-response.js';
import { jsonResponse } from './shared/http/responses.js';
import { sharedEn } from './shared/i18n/en.js';
import { html } from './shared/pages/html.js';
import { renderPage } from './shared/pages/layout.js';
import type { ProviderStage } from './shared/stage.js';

export interface StageListing {
  kind: string;
  title: string;
  /** The base URL an adapter is configured with. */
  url: string;
  adminUrl: string;
}

export function listStages(origin: string, stages: readonly ProviderStage[]): StageListing[] {
  return stages.map((stage) => ({
    kind: stage.kind,
    title: stage.title,
    url: `${origin}${stage.prefix}`,
    adminUrl: `${origin}${stage.prefix}${stage.adminPath}`,
  }));
}

export function stageIndexResponse(request: Request, url: URL, stages: readonly ProviderStage[]): Response {
  const listing = listStages(url.origin, stages);
  if (!prefersHtml(request.headers.get('accept'))) {
    return jsonResponse(200, { sandbox: '@pay-checkout/sandbox', stages: listing });
  }
  const items = listing.map(
    (stage) =>
      html`<li><strong>${stage.title}</strong>: <a href="${stage.url}">${stage.url}</a> (admin API: <code>${stage.adminUrl}</code>)</li>`,
  );
  const page = renderPage(
    { language: 'en', words: sharedEn, brand: 'pay-sandbox', hiddenFields: html`` },
    {
      title: 'Provider stages',
      body: html`<h1 id="step-title">Provider stages</h1>
<p class="intro">Each payment provider's stage environment, played locally with its published test data.</p>
<ul>${items}</ul>`,
    },
  );
  return htmlResponse(200, page);
}

/** A browser asks for `text/html` first; `fetch`, curl and tests send `*\/*` or nothing. */
function prefersHtml(accept: string | null): boolean {
  return (accept ?? '').split(',')[0].trim().toLowerCase().startsWith('text/html');
}

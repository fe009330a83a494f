import { ContinueNotAvailableError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { createNonce, negotiateLocale, pageHeaders, renderContinuePage } from '../pages/index.js';
import { loadSession } from '../sessions/load-session.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET continue/:id`: posts the provider's form (a `form_post` next action, e.g. 3-D Secure) from our
 * own page, so the element only ever follows one URL. Served only while the session waits for the
 * shopper (`created` / `pending`); afterwards the form's one-time values are spent, so the shopper is
 * sent to the return page instead of posting them twice.
 */
export function continueRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, url, params }) => {
    const session = await loadSession(deps, params.id);
    const next = session.next;
    if (next?.type !== 'form_post') throw new ContinueNotAvailableError();
    if (session.status !== 'created' && session.status !== 'pending') {
      return new Response(null, {
        status: 303,
        headers: { location: `${deps.config.basePath}/return/${session.id}`, 'cache-control': 'no-store' },
      });
    }
    const nonce = createNonce();
    const html = renderContinuePage({
      action: next.url,
      fields: next.fields,
      locale: negotiateLocale(
        request.headers.get('accept-language'),
        url.searchParams.get('lang') ?? session.language ?? null,
      ),
      nonce,
    });
    return new Response(html, {
      status: 200,
      headers: pageHeaders(nonce, { formActions: [new URL(next.url).origin] }),
    });
  };
}

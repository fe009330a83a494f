import type { RouteHandler } from '../http/router.js';
import { createNonce, negotiateLocale, pageHeaders, renderReturnPage } from '../pages/index.js';
import { loadSession } from '../sessions/load-session.js';
import { loadOrder } from '../sessions/order.js';
import { reconcileSession } from '../sessions/reconcile.js';
import { allowedReturnUrl } from '../sessions/redirect-policy.js';
import { toSessionView } from '../sessions/view.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET return/:id`: where the provider sends the shopper back. The status shown comes from the store,
 * brought up to date with the provider first; query parameters (`?status=paid`) are never read
 * (RELIABILITY.md 10). "Return to merchant" leads only to an allow-listed return URL (item 11).
 */
export function returnRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, url, params }) => {
    let session = await loadSession(deps, params.id);
    try {
      session = await reconcileSession(deps, session, 'reconcile');
    } catch (error) {
      // Show what we know; the page keeps updating live and the poller keeps asking.
      deps.log.warn({ sessionId: session.id, err: error }, 'reconcile on return failed');
    }
    let merchantReturnUrl: string | undefined;
    let description: string | undefined;
    try {
      const order = await loadOrder(deps, session.orderId);
      description = order.description;
      merchantReturnUrl = allowedReturnUrl(
        order.returnUrl,
        deps.config.returnUrlHosts,
        deps.config.allowHttpReturnUrls,
      );
      if (!merchantReturnUrl) {
        deps.log.warn(
          { sessionId: session.id },
          'merchant return URL is not on the allow-list; no button shown',
        );
      }
    } catch (error) {
      deps.log.warn({ sessionId: session.id, err: error }, 'order lookup on return failed');
    }
    const nonce = createNonce();
    const html = renderReturnPage({
      session: toSessionView(session),
      locale: negotiateLocale(request.headers.get('accept-language'), url.searchParams.get('lang')),
      nonce,
      basePath: deps.config.basePath,
      merchantReturnUrl,
      description,
    });
    return new Response(html, { status: 200, headers: pageHeaders(nonce) });
  };
}

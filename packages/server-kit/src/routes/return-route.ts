import { ReturnNotResolvedError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { createNonce, negotiateLocale, pageHeaders, renderReturnPage } from '../pages/index.js';
import type { ProviderAdapter } from '../providers/provider.js';
import { loadSession } from '../sessions/load-session.js';
import { loadOrder } from '../sessions/order.js';
import { reconcileSession } from '../sessions/reconcile.js';
import { allowedReturnUrl } from '../sessions/redirect-policy.js';
import { toSessionView } from '../sessions/view.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET return/:id`: where the provider sends the shopper back. The status shown comes from the store,
 * brought up to date with the provider first; query parameters (`?status=paid`) are never read
 * (docs/reliability.md 10). "Return to merchant" leads only to an allow-listed return URL (item 11).
 */
export function returnRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, url, params }) => {
    const stateStyle = deps.providersById.get(params.id);
    if (stateStyle?.capabilities.returnStyle === 'state') return returnByState(deps, stateStyle, url);
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

/**
 * `GET return/:providerId?…`: providers with `returnStyle: 'state'` send every shopper back to one
 * registered URL and add our state (or their payment id). The adapter says which session that is; the
 * shopper is then sent to the session's own return page, so the page's URL never carries the
 * provider's parameters (and a reload does not depend on them).
 */
async function returnByState(deps: RouteDeps, adapter: ProviderAdapter, url: URL): Promise<Response> {
  const target = adapter.resolveReturn?.(url);
  let sessionId: string | undefined;
  if (target && 'state' in target) {
    sessionId = (await loadSession(deps, target.state).catch(() => undefined))?.id;
  } else if (target) {
    sessionId = (await deps.store.findByProviderRef(adapter.id, target.providerRef))?.id;
  }
  if (!sessionId) throw new ReturnNotResolvedError();
  const lang = url.searchParams.get('lang');
  const location = `${deps.config.basePath}/return/${sessionId}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

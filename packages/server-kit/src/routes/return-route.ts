import { CheckoutError } from '../errors.js';
import { ReturnNotResolvedError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import {
  createNonce,
  negotiateLocale,
  PAGE_LOCALES,
  pageHeaders,
  renderNotFoundPage,
  renderReturnPage,
} from '../pages/index.js';
import type { ProviderAdapter } from '../providers/provider.js';
import { loadSession } from '../sessions/load-session.js';
import { loadOrder } from '../sessions/order.js';
import { reconcileSession } from '../sessions/reconcile.js';
import { allowedReturnUrl } from '../sessions/redirect-policy.js';
import { toSessionView } from '../sessions/view.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET return/:id[?lang=…]`: where the provider sends the shopper back. The page speaks `?lang` (its own
 * language picker), else the language the shopper chose in the element (kept in the session), else the
 * browser's. A link that names no session gets a page with the way back to the shop, never JSON. The status shown comes from the store,
 * brought up to date with the provider first; query parameters (`?status=paid`) are never read
 * (docs/reliability.md 10). "Return to merchant" leads only to an allow-listed return URL (item 11).
 */
export function returnRoute(deps: RouteDeps): RouteHandler {
  return async (context) => {
    try {
      return await returnPage(deps, context.request, context.url, context.params.id);
    } catch (error) {
      if (!(error instanceof CheckoutError) || error.status !== 404) throw error;
      const { request, url } = context;
      const locale = negotiateLocale(request.headers.get('accept-language'), url.searchParams.get('lang'));
      const nonce = createNonce();
      const html = renderNotFoundPage({ locale, nonce, shopUrl: deps.config.shopUrl });
      return new Response(html, { status: 404, headers: pageHeaders(nonce) });
    }
  };
}

async function returnPage(deps: RouteDeps, request: Request, url: URL, id: string): Promise<Response> {
  const stateStyle = deps.providersById.get(id);
  if (stateStyle?.capabilities.returnStyle === 'state') return returnByState(deps, stateStyle, url);
  let session = await loadSession(deps, id);
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
    locale: negotiateLocale(
      request.headers.get('accept-language'),
      url.searchParams.get('lang') ?? session.language,
    ),
    nonce,
    basePath: deps.config.basePath,
    merchantReturnUrl,
    description,
    languages: deps.config.languages ?? PAGE_LOCALES,
    autoForward: deps.config.autoForward ?? false,
  });
  return new Response(html, { status: 200, headers: pageHeaders(nonce) });
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

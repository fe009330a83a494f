import { isTransientProviderError, ProviderTimeoutError, UnsafeRedirectError } from '../errors.js';
import { readBodyLimited } from '../http/body.js';
import { OriginNotAllowedError, UnsupportedMediaTypeError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { formatAmount } from '../pages/amount-format.js';
import { type CardPageInput, renderCardPage } from '../pages/card-page.js';
import { checkCardForm } from '../pages/card-page-form.js';
import { createNonce, negotiateLocale, pageHeaders } from '../pages/index.js';
import { formattingLocale } from '../pages/locale.js';
import { type CardEntryAdapter, isCardEntryAdapter } from '../providers/cardgateway/card-entry.js';
import type { ProviderInitiation } from '../providers/provider.js';
import { applyProviderStatus } from '../sessions/apply-status.js';
import { loadSession } from '../sessions/load-session.js';
import { shopperUrl } from '../sessions/next-action.js';
import { mergeProviderData } from '../sessions/provider-data.js';
import { sessionInput } from '../sessions/reconcile.js';
import type { SessionRecord } from '../store/store.js';
import type { RouteDeps } from './route-deps.js';

/** A card form is a few hundred bytes; anything bigger is not a shopper. */
const CARD_FORM_LIMIT_BYTES = 4 * 1024;

/**
 * `GET card/:id` and `POST card/:id`: the kit-hosted card page of a session whose adapter has no
 * hosted card page (`CardEntryAdapter`, e.g. the card REST gateway). The POST checks the card, hands it
 * to the adapter, which sends it to the gateway server to server, and redirects (303) to the 3-D Secure
 * step (`continue/:id`) or to the return page. Card data lives only in this request: it is never
 * stored (the session keeps the gateway's payment id), never logged (errors are logged without the
 * request body, and the kit's logger masks card-shaped numbers anyway), never in an answer or a URL.
 * The page is served only while the session waits for the card; afterwards both answer with a 303 to
 * the return page, so a reloaded or replayed form cannot pay twice (nor can two posts at once: one
 * is in flight per session here, and the gateway refuses a second payment for our reference).
 */
export function cardRoutes(deps: RouteDeps): { page: RouteHandler; submit: RouteHandler } {
  const inFlight = new Set<string>();

  function returnTo(session: SessionRecord): Response {
    return seeOther(`${deps.config.publicUrl}/return/${session.id}`);
  }

  /** The session's card-entry adapter while its shopper still has to enter the card; else undefined. */
  function awaitingCard(session: SessionRecord): CardEntryAdapter | undefined {
    const adapter = deps.providersById.get(session.provider);
    if (!adapter || !isCardEntryAdapter(adapter)) return undefined;
    const next = session.next;
    if (next?.type !== 'redirect' || next.url !== `${deps.config.publicUrl}/card/${session.id}`)
      return undefined;
    if (session.status !== 'created' && session.status !== 'pending') return undefined;
    return adapter;
  }

  function page(
    request: Request,
    url: URL,
    session: SessionRecord,
    status: number,
    extra: Partial<CardPageInput> = {},
  ) {
    const locale = negotiateLocale(
      request.headers.get('accept-language'),
      url.searchParams.get('lang') ?? extra.locale ?? session.language ?? null,
    );
    const nonce = createNonce();
    const html = renderCardPage({
      action: `${deps.config.basePath}/card/${session.id}`,
      locale,
      nonce,
      amountLabel: formatAmount(session.amount, session.currency, formattingLocale(locale, 'en')),
      description: session.description,
      ...extra,
    });
    return new Response(html, { status, headers: pageHeaders(nonce) });
  }

  const show: RouteHandler = async ({ request, url, params }) => {
    const session = await loadSession(deps, params.id);
    if (!awaitingCard(session)) return returnTo(session);
    return page(request, url, session, 200);
  };

  const submit: RouteHandler = async ({ request, url, params }) => {
    assertSameSite(deps, request);
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type.trim())) {
      throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(
      new TextDecoder().decode(await readBodyLimited(request, CARD_FORM_LIMIT_BYTES)),
    );
    const session = await loadSession(deps, params.id);
    const adapter = awaitingCard(session);
    if (!adapter || inFlight.has(session.id)) return returnTo(session);
    const lang = form.get('lang') ?? undefined;
    const checked = checkCardForm(form, new Date());
    if (!checked.ok) {
      return page(request, url, session, 422, { errors: checked.errors, kept: checked.kept, locale: lang });
    }
    inFlight.add(session.id);
    try {
      const input = sessionInput(deps, session, adapter);
      let initiation: ProviderInitiation | undefined;
      try {
        initiation = await adapter.payWithCard(input, checked.card);
      } catch (error) {
        // Never `error` with the card: the adapter's errors carry the gateway's answer, not our request.
        const log = deps.log.child({ sessionId: session.id, provider: adapter.id });
        log.warn({ err: error }, 'card payment refused or failed');
        // The gateway may have made the payment (a lost answer) or have one already (a second post):
        // ask it by our reference before anything else.
        const found = await adapter.findByReference(input).catch((lookupError: unknown) => {
          log.warn({ err: lookupError }, 'card payment lookup by reference failed');
          return undefined;
        });
        if (found?.providerData?.paymentId !== undefined) initiation = found;
        else if (error instanceof ProviderTimeoutError)
          return returnTo(session); // unknown: the poller asks
        else if (isTransientProviderError(error)) {
          // Down, and it created nothing: the shopper may try again (the card was not kept).
          return page(request, url, session, 503, { problem: 'unavailable', locale: lang });
        } else {
          await applyProviderStatus(
            deps,
            session,
            { status: 'failed', reason: 'provider_error', raw: 'kit:card_refused' },
            'initiate',
          );
          return returnTo(session);
        }
      }
      return seeOther(await record(session, adapter, initiation));
    } finally {
      inFlight.delete(session.id);
    }
  };

  /** Attaches the gateway's payment and its next step to the session, applies its status, answers where to go. */
  async function record(
    session: SessionRecord,
    adapter: CardEntryAdapter,
    initiation: ProviderInitiation,
  ): Promise<string> {
    let redirectUrl: string;
    try {
      redirectUrl = shopperUrl(deps, adapter, session.id, initiation.next);
    } catch (error) {
      if (!(error instanceof UnsafeRedirectError)) throw error;
      deps.log.warn(
        { sessionId: session.id, provider: adapter.id },
        'card gateway 3-D Secure step refused by the redirect allow-list',
      );
      await applyProviderStatus(
        deps,
        session,
        { status: 'failed', reason: 'provider_error', raw: 'kit:unsafe_redirect' },
        'initiate',
      );
      return `${deps.config.publicUrl}/return/${session.id}`;
    }
    const attached = await deps.store.attachProviderPayment({
      sessionId: session.id,
      providerRef: initiation.providerRef,
      redirectUrl,
      providerData: mergeProviderData(session.providerData, initiation.providerData),
      next: initiation.next,
    });
    await applyProviderStatus(deps, attached, initiation.status, 'initiate');
    return redirectUrl;
  }

  return { page: show, submit };
}

/**
 * The card form posts from our own page: a browser's `Origin` must be the kit's own (or one of the
 * merchant's allowed origins, where the kit shares the shop's origin). Our pages send no referrer,
 * and under `Referrer-Policy: no-referrer` browsers send `Origin: null` with a form post; then the
 * Fetch Metadata header must say the post came from our own origin (`Sec-Fetch-Site: same-origin`).
 * Cross-site posts are refused.
 */
function assertSameSite(deps: RouteDeps, request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  if (origin === 'null') {
    if (request.headers.get('sec-fetch-site') === 'same-origin') return;
    throw new OriginNotAllowedError(origin);
  }
  if (origin === new URL(deps.config.publicUrl).origin || deps.config.allowedOrigins.includes(origin)) return;
  throw new OriginNotAllowedError(origin);
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

import type { OperationKind, OperationResponse } from '@pay-checkout/contract';
import { type CheckoutConfig, parseConfig } from './config.js';
import { CheckoutError } from './errors.js';
import { CorsPolicy } from './http/cors.js';
import { RouteNotFoundError } from './http/http-errors.js';
import { errorResponse } from './http/json.js';
import { registerNodeHooks } from './http/node-hooks.js';
import { answerWithin } from './http/request-deadline.js';
import { type RouteHandler, Router } from './http/router.js';
import { LiveBus } from './live/bus.js';
import { InFlightRequests, SHUTDOWN_GRACE_MS, shutdownRetryMs } from './live/shutdown.js';
import { StreamLimits } from './live/stream-limits.js';
import { createLogger } from './log.js';
import { type OperationOptions, runOperation } from './operations/run-operation.js';
import { cardRoutes } from './routes/card-route.js';
import { continueRoute } from './routes/continue-route.js';
import { readElementLanguages, resolveElementDir } from './routes/element-files.js';
import { elementBundleRoute, elementFileRoute } from './routes/element-route.js';
import { elementTag } from './routes/element-tag.js';
import { eventsRoute } from './routes/events-route.js';
import { healthRoute } from './routes/health-route.js';
import {
  merchantOperationRoute,
  merchantOrderRoute,
  merchantSessionRoute,
} from './routes/merchant-routes.js';
import { metricsRoute } from './routes/metrics-route.js';
import { notificationsRoute } from './routes/notifications-route.js';
import { openApiRoute } from './routes/openapi-route.js';
import { optionsRoute } from './routes/options-route.js';
import { payRoute } from './routes/pay-route.js';
import { returnRoute } from './routes/return-route.js';
import type { RouteDeps } from './routes/route-deps.js';
import { createSessionRoute, getSessionRoute } from './routes/sessions-route.js';
import type { ProvidersHealth } from './routing/circuit-breakers.js';
import { createKitContext } from './sessions/kit-context.js';
import { Poller } from './sessions/poller.js';
import { defaultStore } from './store/default-store.js';

/** A mounted checkout: a standard fetch handler plus its lifecycle. */
export interface Checkout {
  /** Handles one request (Hono, Next.js route handlers, Bun, Deno, or `toNodeHandler`). */
  fetch(request: Request): Promise<Response>;
  /**
   * Resolves once the store is migrated and the background work started; `fetch` waits for it. With
   * the default store that happens on first use, and reading `ready` is a use: await it at boot to
   * open the store (and resume polling) before the first request.
   */
  readonly ready: Promise<void>;
  /**
   * Shuts down in order (docs/several-instances.md): new requests get 503 `closed`; the poller and the
   * payment-event dispatcher stop (what they leased but did not handle is given back to other
   * instances); requests in flight finish (up to 8 s); open SSE streams end with a `retry:` hint, so
   * browsers reconnect elsewhere; then the live bus and, if the kit opened it, the store close. A host
   * stops accepting connections first (`server.close()`), awaits this, then exits.
   */
  close(): Promise<void>;
  /**
   * Reconciles the sessions that are due now (what the background poller does each tick). For hosts
   * without background timers (serverless): set `poll: false` and call this from a cron. It also
   * hands pending payment events to `onPaymentEvent` and the webhook URL, and gives duplicates back.
   */
  reconcileDue(): Promise<number>;
  /** Each provider instance's circuit (closed, open, half-open), in config order; also `GET health`. */
  health(): ProvidersHealth;
  /** Captures (part of) an authorized payment; `amount` in minor units, default: all that is left. */
  capture(sessionId: string, options: OperationOptions): Promise<OperationResponse>;
  /** Voids an authorized payment that was not captured. */
  void(sessionId: string, options: { idempotencyKey: string }): Promise<OperationResponse>;
  /** Refunds (part of) a captured payment; `amount` in minor units, default: all that is left. */
  refund(sessionId: string, options: OperationOptions): Promise<OperationResponse>;
  /**
   * The full `<script>` tag that loads the element from this kit (`{publicUrl}/element.js`), with the
   * build's SRI hash and `crossorigin`, for server-rendered merchant pages. Throws `ElementNotBuiltError`
   * when the build wrote no `integrity.json`: a tag without SRI is never printed.
   */
  elementTag(): Promise<string>;
}

/**
 * Creates the checkout server (docs/architecture.md). The config is validated here, synchronously, so a
 * wrong value fails at boot with a message naming the field.
 */
export function createCheckout(input: CheckoutConfig): Checkout {
  const config = parseConfig(input);
  const log = createLogger({ logger: config.logger, level: config.logLevel });
  const ownsStore = config.store === undefined;
  const store = config.store ?? defaultStore(log);
  const context = createKitContext(config, store, log);
  const bus = new LiveBus(store);
  const inFlight = new InFlightRequests();
  const deps: RouteDeps = {
    ...context,
    bus,
    streams: new Set(),
    streamLimits: new StreamLimits(config.liveStreams.max, config.liveStreams.perSession),
    elementDir: resolveElementDir(config.elementDir),
    requestsInFlight: () => inFlight.count,
  };
  const poller = new Poller(context);
  const cors = new CorsPolicy(config.allowedOrigins);
  const router = buildRouter(config.basePath, deps, cors);
  let closed = false;
  let closing: Promise<void> | undefined;

  // Starting migrates the store and starts the background work. A merchant's own store starts at once; the
  // default one on first use (`fetch`, `ready`, an operation): constructing the checkout then writes
  // nothing to disk (store/default-store.ts).
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => {
    if (!started) {
      started = begin();
      // Every request awaits it too; keep an unobserved failure from crashing the process.
      started.catch((error: unknown) => log.error({ err: error }, 'checkout failed to start'));
    }
    return started;
  };
  const begin = async () => {
    await store.migrate();
    config.languages ??= await readElementLanguages(deps.elementDir);
    await bus.start();
    if (config.poll) {
      poller.start();
      context.events.start();
    }
    log.debug(
      { publicUrl: config.publicUrl, providers: config.providers.map((p) => p.id) },
      'checkout ready',
    );
  };
  if (!ownsStore) start();

  async function handle(request: Request): Promise<Response> {
    if (closed) return errorResponse(new CheckoutError('closed', 503, 'The checkout is shutting down.'));
    try {
      await start();
    } catch {
      return errorResponse(
        new CheckoutError('not_ready', 503, 'The checkout could not start; see the logs.'),
      );
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(new CheckoutError('invalid_request', 400, 'Invalid request URL.'));
    }
    try {
      if (request.method === 'OPTIONS') {
        const allow = router.allowedMethods(url.pathname);
        if (allow.length === 0) throw new RouteNotFoundError(url.pathname);
        return cors.preflight(request, allow);
      }
      const { handler, params } = router.resolve(request.method, url);
      return await inFlight.track(
        answerWithin(handler({ request, url, params }), config.requestDeadlineMs, log),
      );
    } catch (error) {
      if (!(error instanceof CheckoutError) || error.status >= 500) {
        log.error({ err: error, method: request.method, path: url.pathname }, 'request failed');
      }
      return errorResponse(error);
    }
  }

  const checkout: Checkout = {
    get ready() {
      return start();
    },
    async fetch(request) {
      const started = performance.now();
      const response = cors.apply(request, await handle(request));
      if (log.isLevelEnabled('debug')) {
        // The path only: query strings may carry order ids a merchant considers private.
        const path = request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '');
        log.debug(
          { method: request.method, path, status: response.status, ms: performance.now() - started },
          'request',
        );
      }
      if (request.method === 'HEAD' && response.body) {
        await response.body.cancel();
        return new Response(null, response);
      }
      return response;
    },
    close() {
      closed = true;
      closing ??= (async () => {
        await started?.catch(() => undefined);
        const [, , drained] = await Promise.all([
          poller.stop(),
          context.events.stop(),
          inFlight.drained(SHUTDOWN_GRACE_MS),
        ]);
        if (!drained) log.warn({ requests: inFlight.count }, 'closing with requests still in flight');
        for (const end of [...deps.streams]) end(shutdownRetryMs());
        await bus.stop();
        if (ownsStore) await store.close();
      })();
      return closing;
    },
    reconcileDue: async () => {
      await start();
      const looked = await poller.runOnce();
      // Serverless hosts have no background pass: hooks, webhooks and duplicates are handled here too.
      await context.events.runOnce();
      return looked;
    },
    health: () => context.breakers.health(),
    capture: (sessionId, options) => operate(sessionId, 'capture', options),
    void: (sessionId, options) => operate(sessionId, 'void', options),
    refund: (sessionId, options) => operate(sessionId, 'refund', options),
    elementTag: () => elementTag(config.publicUrl, deps.elementDir),
  };
  registerNodeHooks(checkout, { allowedMethods: (pathname) => router.allowedMethods(pathname), log });
  return checkout;

  /** Merchant operations in code: the same path as `POST merchant/sessions/:id/…`, errors thrown. */
  async function operate(
    sessionId: string,
    kind: OperationKind,
    options: OperationOptions,
  ): Promise<OperationResponse> {
    await start();
    return (await runOperation(context, sessionId, kind, options)).response;
  }
}

function buildRouter(basePath: string, deps: RouteDeps, cors: CorsPolicy): Router {
  /** Browsers always send `Origin` on POST: a foreign one is refused before anything else (CSRF). */
  const fromAllowedOrigin =
    (handler: RouteHandler): RouteHandler =>
    (context) => {
      cors.assertOriginAllowed(context.request);
      return handler(context);
    };
  const card = cardRoutes(deps);
  return new Router(basePath)
    .add('GET', 'options', optionsRoute(deps))
    .add('POST', 'sessions', fromAllowedOrigin(createSessionRoute(deps)))
    .add('GET', 'sessions/:id', getSessionRoute(deps))
    .add('GET', 'sessions/:id/events', eventsRoute(deps))
    .add('POST', 'notifications/:provider', notificationsRoute(deps))
    .add('GET', 'return/:id', returnRoute(deps))
    .add('GET', 'continue/:id', continueRoute(deps))
    .add('GET', 'card/:id', card.page)
    .add('POST', 'card/:id', card.submit)
    .add('GET', 'health', healthRoute(deps))
    .add('GET', 'openapi.json', openApiRoute(deps))
    .add('GET', 'merchant/sessions/:id', merchantSessionRoute(deps))
    .add('GET', 'merchant/orders/:orderId', merchantOrderRoute(deps))
    .add('POST', 'merchant/sessions/:id/capture', merchantOperationRoute(deps, 'capture'))
    .add('POST', 'merchant/sessions/:id/void', merchantOperationRoute(deps, 'void'))
    .add('POST', 'merchant/sessions/:id/refund', merchantOperationRoute(deps, 'refund'))
    .add('GET', 'pay/:order', payRoute(deps))
    .add('GET', 'element.js', elementBundleRoute(deps))
    .add('GET', 'element/*', elementFileRoute(deps, ''))
    .add('GET', 'locales/*', elementFileRoute(deps, 'locales/'))
    .add('GET', 'metrics', metricsRoute(deps));
}

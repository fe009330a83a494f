import { join } from 'node:path';
import { BANK_COUNTRIES, SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import {
  type CheckoutStore,
  connectpay,
  createCheckout,
  type ProviderAdapter,
  pgliteStore,
  type RoutingRule,
  toDecimalString,
} from '@pay-checkout/server-kit';
import { type BackOffice, createBackOffice } from './back-office/back-office.js';
import type { DemoConfig } from './config.js';
import { findPackageDir } from './modules.js';
import type { OrderBook } from './orders.js';
import { cardGatewayProvider } from './providers/cardgateway.js';
import { FINTECTURE_COUNTRIES, fintectureSetup } from './providers/fintecture.js';
import { paytechAdapter } from './providers/paytech.js';
import type { PaymentHistory } from './routes/context.js';

/**
 * Card payments go along this route, first provider first (config `routing`, each next one only when
 * the one before certainly created nothing). ConnectPay stays on it behind pay.tech: it takes the card
 * top-ups pay.tech cannot, and `?provider=connectpay` may pin it only because it is on the route.
 * The card REST gateway is pay.tech's failover: a shopper whose pay.tech payment could not be opened
 * pays on the kit's own card page instead.
 */
export const CARD_ROUTE: readonly string[] = ['paytech', 'cardgateway', 'connectpay'];

/** Where server-kit is mounted on the shop's origin (docs/testing.md). */
export const CHECKOUT_PATH = '/checkout';

export interface ShopPayments {
  checkout: ReturnType<typeof createCheckout>;
  store: CheckoutStore;
  paymentHistory(sessionId: string): Promise<PaymentHistory | undefined>;
  /** The back office's view of the payments and its operations; undefined without a merchant key. */
  backOffice?: BackOffice;
}

export interface ShopPaymentsOptions {
  /** The in-process sandbox's root URL (sandbox mode). */
  sandboxUrl?: string;
  /**
   * Providers configured after ConnectPay, for tests: an adapter with merchant operations proves the
   * back office's buttons until a real provider with operations lands.
   */
  extraProviders?: readonly ProviderAdapter[];
  /** Default: the embedded PGlite store in `PAY_CHECKOUT_DATA`; tests pass one in memory. */
  store?: CheckoutStore;
}

function providerFor(config: DemoConfig, sandboxUrl: string | undefined) {
  if (config.provider.kind === 'stage') {
    const { baseUrl, clientId, clientSecret, brandId, privateKeyPem } = config.provider;
    return connectpay({ baseUrl, clientId, clientSecret, brandId, privateKeyPem });
  }
  if (!sandboxUrl) throw new Error('the sandbox must be started before the checkout');
  const { clientId, clientSecret, brandId, privateKeyPem } = SANDBOX_CLIENT;
  return connectpay({ baseUrl: `${sandboxUrl}/connectpay`, clientId, clientSecret, brandId, privateKeyPem });
}

/**
 * The card rule: `CARD_ROUTE`'s providers that are configured, then any other card provider (a test's
 * extra adapter) so that it can still be pinned. One provider alone needs no rule.
 */
function cardRouting(providers: readonly ProviderAdapter[]): RoutingRule[] | undefined {
  const cards = providers.filter((adapter) => adapter.capabilities.methods.includes('card'));
  const ids = [
    ...CARD_ROUTE.filter((id) => cards.some((adapter) => adapter.id === id)),
    ...cards.map((adapter) => adapter.id).filter((id) => !CARD_ROUTE.includes(id)),
  ];
  return ids.length > 1 ? [{ method: 'card', providers: ids }] : undefined;
}

/** Bank payments from Fintecture's countries go to it. */
function fintectureRouting(id: string): RoutingRule[] {
  return FINTECTURE_COUNTRIES.map((country) => ({ method: 'pis', country, providers: [id] }));
}

/**
 * The built element for `/checkout/element.js`. Passed explicitly: the kit's default looks the package
 * up through `@pay-checkout/element/package.json`, which the element's `exports` map does not expose.
 */
function elementDist(): string | undefined {
  const dir = findPackageDir('@pay-checkout/element');
  return dir ? join(dir, 'dist') : undefined;
}

/** The shop's origin; on localhost also its 127.0.0.1 twin, so either address works in a browser. */
export function shopOrigins(shopUrl: string): string[] {
  const url = new URL(shopUrl);
  if (url.hostname !== 'localhost') return [url.origin];
  return [url.origin, `${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ''}`];
}

/**
 * server-kit for the shop: the ConnectPay adapter (sandbox or stage), the embedded PGlite store,
 * `resolveOrder` answering from the shop's own order book, the only source of amounts, and the merchant
 * key (server-kit's merchant API, and the back office built on it).
 */
export function createShopPayments(
  config: DemoConfig,
  orders: OrderBook,
  options: ShopPaymentsOptions = {},
): ShopPayments {
  // Our own handle on the store, so the order page can check that a session belongs to the order.
  const store = options.store ?? pgliteStore();
  const fintecture = fintectureSetup(process.env, options.sandboxUrl);
  const providers = [
    providerFor(config, options.sandboxUrl),
    ...(config.paytech ? [paytechAdapter(config.paytech, options.sandboxUrl)] : []),
    ...(fintecture ? [fintecture.adapter] : []),
    // Cards reach it when pinned (`?provider=cardgateway`) or as pay.tech's failover (CARD_ROUTE).
    cardGatewayProvider(config.cardGateway, options.sandboxUrl),
    ...(options.extraProviders ?? []),
  ];
  const publicUrl = `${config.shopUrl}${CHECKOUT_PATH}`;
  // Fintecture posts webhooks to the one URL its application registers; a payment waits for that.
  const fintectureWebhook = fintecture
    ?.registerWebhook(`${publicUrl}/notifications/${fintecture.adapter.id}`)
    .catch((error: unknown) =>
      console.error(`demo: ${error instanceof Error ? error.message : String(error)}`),
    );
  const merchantKey = config.merchantKey?.value;
  const checkout = createCheckout({
    providers,
    // Bank payments from France go to Fintecture; cards along CARD_ROUTE; the rest in config order.
    routing: [
      ...(fintecture ? fintectureRouting(fintecture.adapter.id) : []),
      ...(cardRouting(providers) ?? []),
    ],
    store,
    publicUrl,
    allowedOrigins: shopOrigins(config.shopUrl),
    elementDir: elementDist(),
    logLevel: config.logLevel,
    merchantKey,
    // The sandbox lists banks in these countries: the element's bank-country picker offers them.
    ...(config.provider.kind === 'sandbox' ? { bankCountries: [...BANK_COUNTRIES] } : {}),
    returnPage: { autoForward: config.returnAutoForward ?? false },
    // GET /checkout/metrics in Prometheus text (docs/several-instances.md).
    metrics: true,
    // Fulfilment: server-kit hands every payment event of every order to the shop (at least once).
    onPaymentEvent: async (event) => orders.applyPaymentEvent(event),
    async resolveOrder(orderId) {
      await fintectureWebhook;
      const order = orders.get(orderId);
      if (!order) return undefined;
      return {
        amount: toDecimalString(order.total, order.currency),
        currency: order.currency,
        description: `Lumen Studio: ${order.description}`,
        returnUrl: `${config.shopUrl}/orders/${order.id}`,
        topUp:
          order.kind === 'topup' && order.creditorIban
            ? { creditorIban: order.creditorIban, consumerId: config.wallet.consumerId }
            : undefined,
      };
    },
  });
  return {
    checkout,
    store,
    backOffice:
      merchantKey === undefined
        ? undefined
        : createBackOffice({ checkout, store, providers, merchantKey, checkoutUrl: publicUrl }),
    async paymentHistory(sessionId) {
      const session = await store.getSession(sessionId).catch(() => undefined);
      if (!session) return undefined;
      const events = await store.eventsSince(session.id, 0);
      return {
        sessionId: session.id,
        orderId: session.orderId,
        status: session.status,
        reason: session.reason,
        events: events.map((event) => ({
          status: event.status,
          reason: event.reason,
          source: event.source,
          providerStatus: event.providerStatus,
          at: event.at.toISOString(),
        })),
      };
    },
  };
}

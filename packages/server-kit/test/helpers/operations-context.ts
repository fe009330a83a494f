import { Writable } from 'node:stream';
import type { SessionStatus } from '@pay-checkout/contract';
import pino from 'pino';
import type { ResolvedConfig } from '../../src/config.js';
import { LiveBus } from '../../src/live/bus.js';
import { StreamLimits } from '../../src/live/stream-limits.js';
import { createLogger } from '../../src/log.js';
import type { ProviderAdapter } from '../../src/providers/provider.js';
import type { RouteDeps } from '../../src/routes/route-deps.js';
import { createCircuitBreakers } from '../../src/routing/circuit-breakers.js';
import { createRouteTable } from '../../src/routing/route-table.js';
import { newSessionId, providerReference } from '../../src/sessions/ids.js';
import type { CheckoutStore, SessionRecord } from '../../src/store/store.js';
import { PaymentEventDispatcher } from '../../src/webhooks/dispatcher.js';

/**
 * The route dependencies of one checkout, built by hand around a real store and the given adapters,
 * with every log line kept in `logs`: what the operations service and the merchant routes read.
 * (`createCheckout` builds the same from its config.)
 */
export interface OperationsContext {
  deps: RouteDeps;
  logs: { msg: string; [key: string]: unknown }[];
  /** A card payment of 1250 EUR at `provider`, attached (`pay_<id>`, with provider data) and in `status`. */
  session(provider: string, status: SessionStatus, amount?: number): Promise<SessionRecord>;
}

export function operationsContext(
  store: CheckoutStore,
  adapters: ProviderAdapter[],
  options: { merchantKey?: string } = {},
): OperationsContext {
  const logs: OperationsContext['logs'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ logger: pino({ level: 'debug' }, sink) });
  const config: ResolvedConfig = {
    providers: adapters,
    resolveOrder: async () => undefined,
    publicUrl: 'http://shop.test/checkout',
    basePath: '/checkout',
    allowedOrigins: ['http://shop.test'],
    returnUrlHosts: ['shop.test'],
    allowHttpReturnUrls: true,
    logLevel: 'debug',
    sessionTtlMs: 3_600_000,
    requestDeadlineMs: 15_000,
    liveStreams: { max: 10_000, perSession: 20 },
    pollIntervalMs: 5000,
    poll: false,
    heartbeatMs: 15_000,
    ...(options.merchantKey === undefined ? {} : { merchantKey: options.merchantKey }),
  };
  const byId = new Map(adapters.map((adapter) => [adapter.id, adapter]));
  const breakers = createCircuitBreakers(adapters);
  const deps: RouteDeps = {
    config,
    store,
    log,
    providersById: byId,
    routes: createRouteTable(adapters, undefined, breakers),
    breakers,
    bus: new LiveBus(store),
    streams: new Set(),
    streamLimits: new StreamLimits(config.liveStreams.max, config.liveStreams.perSession),
    elementDir: undefined,
    events: undefined as unknown as PaymentEventDispatcher,
  };
  deps.events = new PaymentEventDispatcher(deps);

  async function session(provider: string, status: SessionStatus, amount = 1250): Promise<SessionRecord> {
    const id = newSessionId();
    await store.createSession({
      id,
      orderId: `order-${id}`,
      provider,
      method: 'card',
      amount,
      currency: 'EUR',
      description: `Order ${amount}`,
      reference: providerReference(id),
      expiresAt: new Date(Date.now() + 3_600_000),
      nextPollAt: null,
    });
    const attached = await store.attachProviderPayment({
      sessionId: id,
      providerRef: `pay_${id}`,
      redirectUrl: `http://shop.test/checkout/return/${id}`,
      providerData: { authorization: `auth_${id}` },
      next: { type: 'none' },
    });
    if (status === 'created') return attached;
    return (await store.transition({ sessionId: id, to: status, source: 'initiate' })).session;
  }

  return { deps, logs, session };
}

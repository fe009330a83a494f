import {
  type ConnectPayTestClient,
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../../src/providers/connectpay/index.js';
import type { ProviderAdapter } from '../../src/providers/provider.js';
import type { CheckoutStore } from '../../src/store/store.js';
import { type KitServer, orderBook, startKit } from './kit-server.js';

export interface ConnectPayKit {
  sandbox: RunningSandbox;
  /** The real ConnectPay adapter (S2) pointed at the sandbox. */
  adapter: ProviderAdapter;
  kit: KitServer;
  shopper: ConnectPayTestClient;
  book: ReturnType<typeof orderBook>;
  close(): Promise<void>;
}

/**
 * The whole journey on one machine: the sandbox's ConnectPay stage over HTTP, the real ConnectPay
 * adapter with the sandbox's built-in test client, the kit on node:http, and a shopper that walks the
 * sandbox widget with form posts (`connectPayTestClient` from @pay-checkout/sandbox).
 */
export async function startConnectPayKit(options: {
  store: CheckoutStore;
  timeoutMs?: number;
  wrap?: (adapter: ProviderAdapter) => ProviderAdapter;
  poll?: boolean;
  pollIntervalMs?: number;
  merchantKey?: string;
  sessionTtlMs?: number;
}): Promise<ConnectPayKit> {
  const sandbox = await startSandbox({ port: 0, log: () => undefined, notificationRetryBaseMs: 20 });
  const adapter = connectpay({
    baseUrl: sandbox.connectPayUrl,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    brandId: SANDBOX_CLIENT.brandId,
    privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
    timeoutMs: options.timeoutMs ?? 3000,
    retryBackoff: { baseMs: 5, maxMs: 40 },
  });
  const book = orderBook();
  const kit = await startKit({
    providers: [options.wrap ? options.wrap(adapter) : adapter],
    resolveOrder: book.resolveOrder,
    store: options.store,
    poll: options.poll ?? false,
    pollIntervalMs: options.pollIntervalMs,
    merchantKey: options.merchantKey,
    sessionTtlMs: options.sessionTtlMs,
  });
  return {
    sandbox,
    adapter,
    kit,
    shopper: connectPayTestClient(sandbox.connectPayUrl),
    book,
    async close() {
      await kit.close();
      await sandbox.close();
    },
  };
}

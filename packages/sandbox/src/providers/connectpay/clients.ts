import { timingSafeEqual } from 'node:crypto';
import {
  SANDBOX_CLIENT_B_PRIVATE_KEY_PEM,
  SANDBOX_CLIENT_B_PUBLIC_KEY_PEM,
} from './keys/sandbox-client-b-keys.js';
import { SANDBOX_CLIENT_PRIVATE_KEY_PEM, SANDBOX_CLIENT_PUBLIC_KEY_PEM } from './keys/sandbox-client-keys.js';

/** An API v2 client ("DevApp") as the sandbox knows it. */
export interface ConnectPayClient {
  clientId: string;
  clientSecret: string;
  brandId: string;
  /** SPKI / PKCS#1 PEM used to verify `X-Signature`. */
  publicKeyPem: string;
  /** Key for the sandbox-only `X-Sandbox-Signature` on notifications; absent → notifications unsigned. */
  notificationSecret?: string;
}

/**
 * The built-in test client: fixed credentials and a committed RSA test key pair (test data, not secrets),
 * so that any test or merchant CI can talk to the sandbox without registering anything.
 */
export const SANDBOX_CLIENT = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  brandId: 'sandbox-brand',
  privateKeyPem: SANDBOX_CLIENT_PRIVATE_KEY_PEM,
  publicKeyPem: SANDBOX_CLIENT_PUBLIC_KEY_PEM,
  notificationSecret: 'sandbox-notification-secret',
} as const;

/**
 * A second built-in client with its own id, secret, brand and key pair: a second merchant account at the
 * same stage, for running two adapter instances side by side (routing, failover). The knobs can be set
 * per client (`PUT {base}/admin/knobs?clientId=sandbox-client-b`), so one account can fail while the
 * other works.
 */
export const SANDBOX_CLIENT_B = {
  clientId: 'sandbox-client-b',
  clientSecret: 'sandbox-secret-b',
  brandId: 'sandbox-brand-b',
  privateKeyPem: SANDBOX_CLIENT_B_PRIVATE_KEY_PEM,
  publicKeyPem: SANDBOX_CLIENT_B_PUBLIC_KEY_PEM,
  notificationSecret: 'sandbox-notification-secret-b',
} as const;

/** Every built-in client, in the order `GET {base}/admin/clients` lists them. */
export const SANDBOX_CLIENTS = [SANDBOX_CLIENT, SANDBOX_CLIENT_B] as const;

/** Registered clients; `reset()` keeps only the built-in ones. */
export interface ClientDirectory {
  get(clientId: string): ConnectPayClient | undefined;
  register(client: ConnectPayClient): ConnectPayClient;
  /** The client whose id and secret match, compared in constant time; else undefined. */
  authenticate(clientId: string, clientSecret: string): ConnectPayClient | undefined;
  list(): ConnectPayClient[];
  reset(): void;
}

export function createClientDirectory(): ClientDirectory {
  const clients = new Map<string, ConnectPayClient>();
  const builtIn: ConnectPayClient[] = SANDBOX_CLIENTS.map((client) => ({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    brandId: client.brandId,
    publicKeyPem: client.publicKeyPem,
    notificationSecret: client.notificationSecret,
  }));
  const reset = (): void => {
    clients.clear();
    for (const client of builtIn) clients.set(client.clientId, client);
  };
  reset();
  return {
    get: (clientId) => clients.get(clientId),
    register: (client) => {
      clients.set(client.clientId, client);
      return client;
    },
    authenticate: (clientId, clientSecret) => {
      const client = clients.get(clientId);
      if (!client) return undefined;
      const given = Buffer.from(clientSecret);
      const expected = Buffer.from(client.clientSecret);
      return given.length === expected.length && timingSafeEqual(given, expected) ? client : undefined;
    },
    list: () => [...clients.values()],
    reset,
  };
}

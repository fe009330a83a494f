import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SANDBOX_BAAS } from '@pay-checkout/sandbox';
import { type CardGatewayTarget, cardGatewayTarget } from './providers/cardgateway.js';
import { PaytechConfigError, type PaytechTarget, paytechTarget } from './providers/paytech.js';

/** Where the demo's payments go: the in-process sandbox (default) or the real ConnectPay stage. */
export type ProviderTarget =
  | { kind: 'sandbox'; port: number }
  | {
      kind: 'stage';
      baseUrl: string;
      clientId: string;
      clientSecret: string;
      brandId: string;
      privateKeyPem: string;
    };

/** A wallet account the demo shopper can top up (BaaS creditor account). */
export interface WalletAccount {
  iban: string;
  label: string;
}

export interface DemoConfig {
  port: number;
  host: string;
  /** The shop's public origin, used for return URLs and the element's allowed origin. */
  shopUrl: string;
  provider: ProviderTarget;
  /** pay.tech for cards (`PAYTECH_*`); absent: cards go to ConnectPay. */
  paytech?: PaytechTarget;
  wallet: { consumerId: string; accounts: WalletAccount[] };
  /** server-kit's log level (its structured logs go to stdout). */
  logLevel: LogLevel;
  /**
   * The merchant key: server-kit's merchant API (`Authorization: Bearer …`) and the back office's
   * sign-in. Absent on the stage without `MERCHANT_KEY`: both are off.
   */
  merchantKey?: MerchantKey;
  /** The card REST gateway (`CARDGATEWAY_*`; the sandbox's stage by default), second for cards. */
  cardGateway: CardGatewayTarget;
  /**
   * `RETURN_AUTO_FORWARD` (seconds): the return page forwards a final status to the shop after this
   * visible, cancellable countdown. Unset: never (the journeys read the return page at leisure).
   */
  returnAutoForward?: number;
}

export interface MerchantKey {
  value: string;
  /** True when the demo made it up at start (sandbox mode, `MERCHANT_KEY` unset): `npm start` prints it. */
  generated: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL || 'info';
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level)
    throw new DemoConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw)}`,
    );
  return level;
}

/**
 * `MERCHANT_KEY`, at least 16 characters without spaces (server-kit's minimum; a space could not
 * travel in `Authorization: Bearer`). Unset in sandbox mode: a random one for this run, so the back
 * office works out of the box; unset on the stage: none, because a key nobody chose is no protection
 * for a shop that talks to a real provider.
 */
function merchantKey(env: Env, stage: boolean): MerchantKey | undefined {
  const raw = env.MERCHANT_KEY;
  if (raw) {
    // The message never echoes the value: it is a secret even when it is a bad one.
    if (!/^\S{16,}$/.test(raw)) {
      throw new DemoConfigError('MERCHANT_KEY must be at least 16 characters, without spaces');
    }
    return { value: raw, generated: false };
  }
  if (stage) return undefined;
  return { value: randomBytes(24).toString('base64url'), generated: true };
}

/** A missing or malformed environment variable; the message names it. */
export class DemoConfigError extends Error {
  readonly code = 'demo_config_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'DemoConfigError';
  }
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new DemoConfigError(`${name} must be a TCP port number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new DemoConfigError(`${name} is required when CONNECTPAY_BASE_URL is set`);
  return value;
}

function stageTarget(env: Env, baseUrl: string): ProviderTarget {
  // checked in the order the README lists them, so the first missing one is named
  const clientId = required(env, 'CONNECTPAY_CLIENT_ID');
  const clientSecret = required(env, 'CONNECTPAY_CLIENT_SECRET');
  const brandId = required(env, 'CONNECTPAY_BRAND_ID');
  const keyFile = env.CONNECTPAY_PRIVATE_KEY_FILE;
  const privateKeyPem = keyFile ? readFileSync(keyFile, 'utf8') : required(env, 'CONNECTPAY_PRIVATE_KEY');
  return {
    kind: 'stage',
    baseUrl,
    clientId,
    clientSecret,
    brandId,
    // PEM in one env line usually arrives with literal "\n" sequences
    privateKeyPem: privateKeyPem.replace(/\\n/g, '\n'),
  };
}

/**
 * The sandbox's onboarded BaaS consumer (Anna, seeded by `@pay-checkout/sandbox`) and her accounts:
 * one active, one closed, so the shop can also show a refused top-up.
 */
function sandboxWallet(): DemoConfig['wallet'] {
  const consumerId = 'consumer-anna';
  const accounts = SANDBOX_BAAS.accounts
    .filter((account) => account.consumerId === consumerId)
    .map((account) => ({
      iban: account.iban,
      label: account.active ? 'Main wallet' : 'Old wallet (closed)',
    }));
  return { consumerId, accounts };
}

function stageWallet(env: Env): DemoConfig['wallet'] {
  const ibans = (env.CONNECTPAY_TOPUP_IBANS ?? '').split(',').filter(Boolean);
  return {
    consumerId: env.CONNECTPAY_TOPUP_CONSUMER_ID ?? '',
    accounts: ibans.map((iban, index) => ({ iban: iban.trim(), label: `Wallet ${index + 1}` })),
  };
}

/** `PAYTECH_*` (demo/src/providers/paytech.ts), its errors as the demo's own. */
function paytechOf(env: Env, withSandbox: boolean): { paytech?: PaytechTarget } {
  try {
    const target = paytechTarget(env, withSandbox);
    return target ? { paytech: target } : {};
  } catch (error) {
    if (error instanceof PaytechConfigError) throw new DemoConfigError(error.message);
    throw error;
  }
}

function autoForwardSeconds(env: Env): number | undefined {
  const raw = env.RETURN_AUTO_FORWARD;
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) {
    throw new DemoConfigError(
      `RETURN_AUTO_FORWARD must be whole seconds from 1 to 60, got ${JSON.stringify(raw)}`,
    );
  }
  return seconds;
}

/** Reads the demo's settings from the environment; every variable has a local default (README). */
export function loadConfig(env: Env = process.env): DemoConfig {
  const listenPort = port(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const shopUrl = (env.SHOP_URL || `http://localhost:${listenPort}`).replace(/\/+$/, '');
  try {
    new URL(shopUrl);
  } catch {
    throw new DemoConfigError(`SHOP_URL must be an absolute URL, got ${JSON.stringify(shopUrl)}`);
  }
  const baseUrl = env.CONNECTPAY_BASE_URL;
  if (baseUrl) {
    return {
      port: listenPort,
      host,
      shopUrl,
      provider: stageTarget(env, baseUrl),
      ...paytechOf(env, false),
      wallet: stageWallet(env),
      logLevel: logLevel(env),
      merchantKey: merchantKey(env, true),
      cardGateway: cardGatewayTarget(env),
      returnAutoForward: autoForwardSeconds(env),
    };
  }
  return {
    port: listenPort,
    host,
    shopUrl,
    provider: { kind: 'sandbox', port: port(env, 'SANDBOX_PORT', 3100) },
    ...paytechOf(env, true),
    wallet: sandboxWallet(),
    logLevel: logLevel(env),
    merchantKey: merchantKey(env, false),
    cardGateway: cardGatewayTarget(env),
    returnAutoForward: autoForwardSeconds(env),
  };
}

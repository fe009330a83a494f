import { randomUUID } from 'node:crypto';
import { SANDBOX_CLIENT } from './clients.js';
import type { ConnectPayPaymentDetails } from './details.js';
import type { ConnectPayStatus, WidgetStep } from './model.js';
import { signConnectPayRequest } from './request-signature.js';
import { CONFIRMATION_CODE, FAKE_BANK_ID, FAKE_BANK_PASSWORD, FAKE_BANK_USERNAME } from './test-data.js';

/**
 * A tiny ConnectPay client for tests (ours and other packages'): signed API v2 calls with the built-in
 * `SANDBOX_CLIENT`, and drivers that walk the hosted widget with plain form posts, as a shopper would.
 * Plain `fetch` only. The signatures of these methods are a contract for other packages' tests.
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface InitiateAnswer {
  merchant: { brandId: string; generic1?: string; generic2?: string; generic3?: string };
  payment: { paymentId: string; redirectUrl: string };
}

/** The credentials a test client signs with; defaults to `SANDBOX_CLIENT`. */
export interface TestClientCredentials {
  clientId: string;
  clientSecret: string;
  privateKeyPem: string;
}

/** What a widget driver saw at the end: the payment's status and the final step. */
export interface WidgetOutcome {
  paymentId: string;
  status: ConnectPayStatus;
  step: WidgetStep;
}

export interface ConnectPayTestClient {
  /** `POST merchant/payments`; `headers` adds e.g. `X-Sandbox-*` knobs. Never throws on 4xx/5xx. */
  initiate(body: unknown, options?: { headers?: Record<string, string> }): Promise<ApiAnswer<InitiateAnswer>>;
  /** `POST baas/merchant/topup/pis/payments`. */
  topUp(body: unknown, options?: { headers?: Record<string, string> }): Promise<ApiAnswer<InitiateAnswer>>;
  /** `GET merchant/payments/{id}` (or the BaaS path with `{topUp: true}`). */
  details(paymentId: string, options?: { topUp?: boolean }): Promise<ApiAnswer<ConnectPayPaymentDetails>>;
  /** Any signed API call, for tests of the API itself. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  /** PIS at Fake Bank with `username` / `secret` and code `123456` (chooses PIS and the bank when asked). */
  payWithFakeBank(redirectUrl: string): Promise<WidgetOutcome>;
  /** PIS at any bank; defaults: Fake Bank, its credentials, code 123456. */
  payWithBank(
    redirectUrl: string,
    options?: { providerId?: string; username?: string; password?: string; code?: string },
  ): Promise<WidgetOutcome>;
  /** CARD with a future expiry, CVC 123; `threeDs` answers the challenge when one comes (default pass). */
  payWithCard(
    redirectUrl: string,
    number: string,
    options?: { threeDs?: 'pass' | 'fail' },
  ): Promise<WidgetOutcome>;
  /** GooglePay / ApplePay: confirms the simulated sheet. */
  payWithWallet(redirectUrl: string, method: 'GooglePay' | 'ApplePay'): Promise<WidgetOutcome>;
  /** Presses Cancel on the widget. */
  cancel(redirectUrl: string): Promise<WidgetOutcome>;
  /** Admin: approve / reject a payment in manual review. */
  approve(paymentId: string): Promise<ApiAnswer>;
  reject(paymentId: string): Promise<ApiAnswer>;
}

export function connectPayTestClient(
  baseUrl: string,
  credentials: TestClientCredentials = SANDBOX_CLIENT,
): ConnectPayTestClient {
  // Accept the sandbox root (`startSandbox().url`) as well as the ConnectPay base URL.
  const trimmed = baseUrl.replace(/\/+$/, '');
  const base =
    new URL(trimmed).pathname === '/' || new URL(trimmed).pathname === '' ? `${trimmed}/connectpay` : trimmed;

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const url = `${base}/${path.replace(/^\/+/, '')}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
        'x-signature': signConnectPayRequest({
          method,
          url,
          body: raw,
          privateKeyPem: credentials.privateKeyPem,
        }),
        'x-request-id': randomUUID(),
        accept: 'application/json;version=2',
        ...(raw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: raw || undefined,
    });
    return { status: response.status, body: await readJson(response), headers: response.headers };
  }

  async function admin(method: string, path: string): Promise<ApiAnswer> {
    const response = await fetch(`${base}/admin/${path}`, { method });
    return { status: response.status, body: await readJson(response), headers: response.headers };
  }

  /** The admin view of the payment behind a widget URL: where the shopper is now. */
  async function current(
    redirectUrl: string,
  ): Promise<{ paymentId: string; status: ConnectPayStatus; step: WidgetStep; method?: string }> {
    const key = widgetKey(redirectUrl);
    const answer = await admin('GET', `payments?key=${encodeURIComponent(key)}`);
    const payment = (
      answer.body as {
        payments?: { paymentId: string; status: ConnectPayStatus; step: WidgetStep; method?: string }[];
      }
    ).payments?.[0];
    if (!payment) throw new Error(`The sandbox knows no payment for widget key ${key}.`);
    return payment;
  }

  async function post(redirectUrl: string, action: string, fields: Record<string, string>): Promise<void> {
    const key = widgetKey(redirectUrl);
    const response = await fetch(`${widgetBase(redirectUrl)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key, ...fields }).toString(),
      redirect: 'manual',
    });
    await response.body?.cancel();
    if (response.status !== 303) {
      throw new Error(`Widget ${action} answered ${response.status}, expected 303.`);
    }
  }

  async function outcome(redirectUrl: string): Promise<WidgetOutcome> {
    const { paymentId, status, step } = await current(redirectUrl);
    return { paymentId, status, step };
  }

  async function chooseMethod(redirectUrl: string, method: string): Promise<void> {
    if ((await current(redirectUrl)).step === 'choose-method') await post(redirectUrl, 'method', { method });
  }

  async function payWithBank(
    redirectUrl: string,
    options: { providerId?: string; username?: string; password?: string; code?: string } = {},
  ): Promise<WidgetOutcome> {
    await chooseMethod(redirectUrl, 'PIS');
    if ((await current(redirectUrl)).step === 'choose-bank') {
      await post(redirectUrl, 'bank', { providerId: options.providerId ?? FAKE_BANK_ID });
    }
    await post(redirectUrl, 'login', {
      username: options.username ?? FAKE_BANK_USERNAME,
      password: options.password ?? FAKE_BANK_PASSWORD,
    });
    await post(redirectUrl, 'code', { code: options.code ?? CONFIRMATION_CODE });
    return outcome(redirectUrl);
  }

  return {
    initiate: (body, options) =>
      call('POST', 'merchant/payments', body, options?.headers) as Promise<ApiAnswer<InitiateAnswer>>,
    topUp: (body, options) =>
      call('POST', 'baas/merchant/topup/pis/payments', body, options?.headers) as Promise<
        ApiAnswer<InitiateAnswer>
      >,
    details: (paymentId, options) =>
      call(
        'GET',
        `${options?.topUp ? 'baas/merchant' : 'merchant'}/payments/${encodeURIComponent(paymentId)}`,
      ) as Promise<ApiAnswer<ConnectPayPaymentDetails>>,
    call,
    payWithFakeBank: (redirectUrl) => payWithBank(redirectUrl),
    payWithBank,
    payWithCard: async (redirectUrl, number, options) => {
      await chooseMethod(redirectUrl, 'CARD');
      await post(redirectUrl, 'card', { number, expiry: futureExpiry(), cvc: '123', name: 'Test Shopper' });
      if ((await current(redirectUrl)).step === 'three-ds') {
        await post(redirectUrl, '3ds', { result: options?.threeDs ?? 'pass' });
      }
      return outcome(redirectUrl);
    },
    payWithWallet: async (redirectUrl, method) => {
      await chooseMethod(redirectUrl, method);
      await post(redirectUrl, 'wallet', {});
      return outcome(redirectUrl);
    },
    cancel: async (redirectUrl) => {
      await post(redirectUrl, 'cancel', {});
      return outcome(redirectUrl);
    },
    approve: (paymentId) => admin('POST', `payments/${encodeURIComponent(paymentId)}/approve`),
    reject: (paymentId) => admin('POST', `payments/${encodeURIComponent(paymentId)}/reject`),
  };
}

function widgetKey(redirectUrl: string): string {
  const key = new URL(redirectUrl).searchParams.get('key');
  if (!key) throw new Error('The redirect URL has no widget key.');
  return key;
}

/** `http://host/connectpay/widget?key=…` → `http://host/connectpay/widget`. */
function widgetBase(redirectUrl: string): string {
  const url = new URL(redirectUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** December, three years ahead: always a future expiry. */
function futureExpiry(): string {
  const year = (new Date().getUTCFullYear() + 3) % 100;
  return `12/${String(year).padStart(2, '0')}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

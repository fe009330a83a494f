import { type RunningSandbox, startSandbox } from '../../src/index.js';
import { PAYTECH_TEST_SHOP } from '../../src/providers/paytech/shops.js';

/** A sandbox with the pay.tech stage only, and a small client for its API as the test shop. */
export async function startPaytech(): Promise<{ sandbox: RunningSandbox; api: PaytechApi; base: string }> {
  const sandbox = await startSandbox({
    port: 0,
    providers: ['paytech'],
    notificationRetryBaseMs: 5,
    log: () => {},
  });
  const base = sandbox.urlOf('paytech');
  return { sandbox, base, api: paytechApi(base, PAYTECH_TEST_SHOP.apiKey) };
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected field by field
  body: any;
}

export type PaytechApi = ReturnType<typeof paytechApi>;

export function paytechApi(base: string, apiKey: string) {
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }
  return {
    call,
    deposit: (fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      call(
        'POST',
        '/api/v1/payments',
        {
          paymentType: 'DEPOSIT',
          amount: 19.99,
          currency: 'EUR',
          referenceId: `ref-${Math.random().toString(36).slice(2)}`,
          returnUrl: 'https://shop.example/return/{id}/{referenceId}/{state}/{type}',
          ...fields,
        },
        headers,
      ),
    get: (id: string) => call('GET', `/api/v1/payments/${id}`),
    list: (query = '') => call('GET', `/api/v1/payments${query}`),
    capture: (id: string, body?: unknown) => call('POST', `/api/v1/payments/${id}/capture`, body),
    void: (id: string) => call('POST', `/api/v1/payments/${id}/void`),
    operations: (id: string) => call('GET', `/api/v1/payments/${id}/operations`),
    refund: (parentPaymentId: string, amount?: number, fields: Record<string, unknown> = {}) =>
      call('POST', '/api/v1/payments', {
        paymentType: 'REFUND',
        parentPaymentId,
        currency: 'EUR',
        ...(amount === undefined ? {} : { amount }),
        ...fields,
      }),
  };
}

/** Polls the API until the payment is in `state` (refunds settle a moment after they are created). */
export async function waitForState(api: PaytechApi, id: string, state: string): Promise<ApiAnswer> {
  for (let i = 0; i < 100; i++) {
    const answer = await api.get(id);
    if (answer.body.result?.state === state) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`payment ${id} never reached ${state}`);
}

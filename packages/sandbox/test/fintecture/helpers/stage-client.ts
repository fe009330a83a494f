import { fintectureTestApp } from '../../../src/providers/fintecture/test-app.js';
import { type RunningSandbox, startSandbox } from '../../../src/server.js';
import { signByScheme } from './published-scheme.js';

/** A sandbox with only the Fintecture stage, fast webhook retries, quiet logs. */
export async function startFintectureSandbox(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, providers: ['fintecture'], notificationRetryBaseMs: 10, log: () => {} });
}

export async function accessToken(base: string): Promise<string> {
  const response = await fetch(`${base}/oauth/accesstoken`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${fintectureTestApp.appId}:${fintectureTestApp.appSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `scope=PIS&app_id=${fintectureTestApp.appId}&grant_type=client_credentials`,
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One API call signed by the independent scheme implementation; `tamper` edits the headers before sending. */
export async function signedCall(
  base: string,
  token: string | undefined,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
  options: {
    tamper?: (headers: Record<string, string>) => void;
    extra?: Record<string, string>;
    date?: Date;
  } = {},
): Promise<Response> {
  const url = new URL(`${base}${pathAndQuery}`);
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : { app_id: fintectureTestApp.appId }),
    ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
    ...signByScheme({
      method,
      target: `${url.pathname}${url.search}`,
      body: text,
      appId: fintectureTestApp.appId,
      privateKeyPem: fintectureTestApp.privateKeyPem,
      date: options.date,
    }),
    ...options.extra,
  };
  options.tamper?.(headers);
  return fetch(url, { method, headers, body: text });
}

export function connectBody(amount = '19.99') {
  return {
    data: {
      type: 'SEPA',
      attributes: { amount, currency: 'EUR', communication: 'Order 42', end_to_end_id: 'pc-order-42' },
    },
    meta: { psu_name: 'Alex Martin', psu_email: 'alex@example.test' },
  };
}

export function connectQuery(
  state = 'state-42',
  redirect = 'https://shop.test/checkout/return/fintecture',
): string {
  return `?redirect_uri=${encodeURIComponent(redirect)}&state=${encodeURIComponent(state)}`;
}

/** Opens a session as a merchant would; answers `{session_id, url}`. */
export async function openSession(
  base: string,
  token: string,
  options: { state?: string; headers?: Record<string, string>; amount?: string } = {},
): Promise<{ session_id: string; url: string; status: string }> {
  const response = await signedCall(
    base,
    token,
    'POST',
    `/pis/v2/connect${connectQuery(options.state)}`,
    connectBody(options.amount),
    {
      extra: options.headers,
    },
  );
  if (response.status !== 200) throw new Error(`connect: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { meta: { session_id: string; url: string; status: string } }).meta;
}

/** Posts a Connect page form; answers the response without following redirects. */
export function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Plays the shopper through the Connect page: bank (unless pre-selected), login, code. */
export async function payAtConnect(
  connectUrl: string,
  options: { bank?: string; username?: string } = {},
): Promise<Response> {
  const page = await fetch(connectUrl);
  const html = await page.text();
  if (html.includes('name="provider"')) {
    const bank = await postForm(`${connectUrl}/bank`, { provider: options.bank ?? 'fintecturebank' });
    if (bank.status !== 303) throw new Error(`bank: ${bank.status}`);
  }
  const login = await postForm(`${connectUrl}/login`, {
    username: options.username ?? 'paid',
    password: 'sandbox',
  });
  if (login.status !== 303) throw new Error(`login: ${login.status}`);
  const code = await postForm(`${connectUrl}/code`, { code: '123456' });
  if (code.status !== 303) throw new Error(`code: ${code.status}`);
  return fetch(connectUrl);
}

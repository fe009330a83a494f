import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fintectureTestApp } from '../../src/providers/fintecture/test-app.js';
import type { RunningSandbox } from '../../src/server.js';
import {
  accessToken,
  connectBody,
  connectQuery,
  openSession,
  payAtConnect,
  signedCall,
  startFintectureSandbox,
} from './helpers/stage-client.js';

let sandbox: RunningSandbox;
let base: string;
let token: string;
before(async () => {
  sandbox = await startFintectureSandbox();
  base = sandbox.urlOf('fintecture');
  token = await accessToken(base);
});
after(() => sandbox.close());

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: { path: string }[] };
  };
  return { status: response.status, ...body.error };
}

describe('Fintecture stage: OAuth', () => {
  it('issues a Bearer token for Basic app_id:app_secret with scope PIS, and refuses a wrong secret or scope', async () => {
    assert.ok(token.length > 20);
    const basic = (secret: string) =>
      `Basic ${Buffer.from(`${fintectureTestApp.appId}:${secret}`).toString('base64')}`;
    const ask = (secret: string, body: string) =>
      fetch(`${base}/oauth/accesstoken`, {
        method: 'POST',
        headers: { authorization: basic(secret), 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const ok = await ask(fintectureTestApp.appSecret, 'grant_type=client_credentials&scope=PIS');
    assert.deepEqual(Object.keys((await ok.json()) as object).sort(), [
      'access_token',
      'expires_in',
      'scope',
      'token_type',
    ]);
    assert.equal((await ask('wrong', 'grant_type=client_credentials&scope=PIS')).status, 401);
    const noScope = await errorOf(
      await ask(fintectureTestApp.appSecret, 'grant_type=client_credentials&scope=AIS'),
    );
    assert.deepEqual([noScope.status, noScope.fields?.[0]?.path], [400, 'scope']);
  });
});

describe('Fintecture stage: POST /pis/v2/connect', () => {
  it('needs state, at most 512 characters (docs/test-data.md: state)', async () => {
    const withoutState = await signedCall(
      base,
      token,
      'POST',
      `/pis/v2/connect?redirect_uri=${encodeURIComponent('https://shop.test/r')}`,
      connectBody(),
    );
    const missing = await errorOf(withoutState);
    assert.deepEqual(
      [missing.status, missing.code, missing.fields?.[0]?.path],
      [400, 'validation_failed', 'state'],
    );
    const tooLong = await errorOf(
      await signedCall(base, token, 'POST', `/pis/v2/connect${connectQuery('s'.repeat(513))}`, connectBody()),
    );
    assert.deepEqual([tooLong.status, tooLong.fields?.[0]?.path], [400, 'state']);
    const longest = await openSession(base, token, { state: 's'.repeat(512) });
    assert.equal(sandbox.stage('fintecture').book.get(longest.session_id)?.state, 's'.repeat(512));
  });

  it('returns the state unchanged on the redirect, with session_id and status', async () => {
    const state = 'ünïcode & spaces/+=?#';
    const session = await openSession(base, token, { state });
    const outcome = await payAtConnect(session.url);
    const html = await outcome.text();
    const href = /href="([^"]+)"[^>]*>Return to merchant/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(href, 'the outcome page links back to the merchant');
    const back = new URL(href);
    assert.equal(back.pathname, '/checkout/return/fintecture');
    assert.deepEqual(
      [back.searchParams.get('session_id'), back.searchParams.get('status'), back.searchParams.get('state')],
      [session.session_id, 'payment_created', state],
    );
  });

  it('refuses bad amounts, currencies and Connect headers, naming the field', async () => {
    const zero = await errorOf(
      await signedCall(base, token, 'POST', `/pis/v2/connect${connectQuery()}`, connectBody('0.00')),
    );
    assert.equal(zero.fields?.[0]?.path, 'data.attributes.amount');
    const country = await errorOf(
      await signedCall(base, token, 'POST', `/pis/v2/connect${connectQuery()}`, connectBody(), {
        extra: { 'x-country': 'FRA' },
      }),
    );
    assert.deepEqual([country.status, country.fields?.[0]?.path], [400, 'x-country']);
    const psu = await errorOf(
      await signedCall(base, token, 'POST', `/pis/v2/connect${connectQuery()}`, connectBody(), {
        extra: { 'x-psu-type': 'robot' },
      }),
    );
    assert.equal(psu.fields?.[0]?.path, 'x-psu-type');
  });

  it('honours x-provider (bank pre-selected: the page starts at the login), x-country, x-psu-type and x-language', async () => {
    const preselected = await openSession(base, token, {
      headers: { 'x-provider': 'bnpafr', 'x-country': 'FR' },
    });
    assert.equal(preselected.status, 'sca_required');
    const login = await (await fetch(preselected.url)).text();
    assert.match(login, /Log in to BNP Paribas/);

    const corporate = await openSession(base, token, {
      headers: { 'x-country': 'ES', 'x-psu-type': 'corporate', 'x-language': 'de' },
    });
    const list = await (await fetch(corporate.url)).text();
    assert.match(list, /<html lang="de"/);
    assert.match(list, /<option value="ES" selected>/);
    assert.match(list, /<option value="corporate" selected>/);
    assert.match(list, /Banco Santander/);
    assert.doesNotMatch(list, /CaixaBank/, 'CaixaBank serves retail PSUs only on this stage');
    const retail = await (await fetch(`${corporate.url}?psu_type=retail&q=caixa`)).text();
    assert.match(retail, /CaixaBank/);
    assert.match(retail, /class="initials" aria-hidden="true">CA</);
  });
});

describe('Fintecture stage: payments, refunds and resources', () => {
  it('reads a session with its status in meta.status and lists by end_to_end_id', async () => {
    const session = await openSession(base, token);
    const read = (await (
      await signedCall(base, token, 'GET', `/pis/v1/payments/${session.session_id}`)
    ).json()) as {
      meta: { status: string };
      data: { attributes: { amount: string; end_to_end_id: string } };
    };
    assert.deepEqual([read.meta.status, read.data.attributes.amount], ['provider_required', '19.99']);
    const listed = (await (
      await signedCall(base, token, 'GET', '/pis/v1/payments?filter%5Bend_to_end_id%5D=pc-order-42')
    ).json()) as {
      data: { id: string }[];
    };
    assert.ok(listed.data.some((item) => item.id === session.session_id));
    const unknown = await signedCall(base, token, 'GET', '/pis/v1/payments/0123456789abcdef0123456789abcdef');
    assert.equal(unknown.status, 404);
  });

  it('refunds a paid session in parts, never more than was paid, and never an unpaid one', async () => {
    const session = await openSession(base, token);
    const early = await errorOf(
      await signedCall(base, token, 'POST', '/pis/v1/refund', { meta: { session_id: session.session_id } }),
    );
    assert.deepEqual([early.status, early.code], [422, 'not_paid']);
    await payAtConnect(session.url);
    const part = await signedCall(base, token, 'POST', '/pis/v1/refund', {
      meta: { session_id: session.session_id },
      data: { attributes: { amount: '5.00' } },
    });
    assert.equal(part.status, 200);
    assert.equal(((await part.json()) as { meta: { status: string } }).meta.status, 'refund_created');
    const tooMuch = await errorOf(
      await signedCall(base, token, 'POST', '/pis/v1/refund', {
        meta: { session_id: session.session_id },
        data: { attributes: { amount: '15.00' } },
      }),
    );
    assert.deepEqual([tooMuch.status, tooMuch.code], [422, 'amount_too_high']);
  });

  it('lists providers by country and PSU type with BICs, and the test accounts', async () => {
    const fr = (await (
      await signedCall(
        base,
        undefined,
        'GET',
        '/res/v1/providers?filter%5Bcountry%5D=FR&filter%5Bpsu_type%5D=retail',
      )
    ).json()) as {
      data: { id: string; attributes: { bic?: string; name: string } }[];
    };
    const bnp = fr.data.find((bank) => bank.id === 'bnpafr');
    assert.equal(bnp?.attributes.bic, 'BNPAFRPP');
    const ids = fr.data.map((bank) => bank.id);
    assert.equal(
      new Set(ids).size,
      ids.length,
      'provider ids are unique (CIC and Crédit Mutuel share CMCIFR)',
    );
    const bad = await signedCall(base, undefined, 'GET', '/res/v1/providers?filter%5Bcountry%5D=XX');
    assert.equal(bad.status, 400);
    const accounts = (await (await signedCall(base, undefined, 'GET', '/res/v1/testaccounts')).json()) as {
      data: { attributes: { username: string; expected_status: string } }[];
    };
    assert.deepEqual(
      accounts.data.map((a) => [a.attributes.username, a.attributes.expected_status]),
      [
        ['paid', 'payment_created'],
        ['pending', 'payment_pending'],
        ['refused', 'payment_unsuccessful'],
        ['nofunds', 'payment_unsuccessful'],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { ConfigError } from '../src/errors.js';
import { type AuthStrategy, basicAuth, bearerAuth } from '../src/providers/http/auth.js';
import { nodeTransport } from '../src/providers/http/node-transport.js';
import { oauth2ClientCredentials } from '../src/providers/http/oauth2.js';
import { createProviderClient, type ProviderClientOptions } from '../src/providers/http/provider-client.js';
import { ProviderRequestError } from '../src/providers/http/provider-request-error.js';
import { tokenFromEndpoint } from '../src/providers/http/token-from-endpoint.js';
import { closeServer, listenOnLoopback } from './helpers/local-server.js';
import { onRequestRead, type SeenRequest } from './helpers/seen-request.js';

/**
 * Auth strategies of the provider HTTP client against a stand-in provider with a token endpoint
 * (`/oauth/token`, OAuth2 client credentials; `/rest/authToken`, the card gateway's form login) and an
 * API (`/api/...`) that accepts only the tokens it issued and has not revoked.
 */

let server: Server;
let origin: string;
let tokenRequests: SeenRequest[] = [];
let apiRequests: SeenRequest[] = [];
/** Tokens the API accepts; the token endpoints add each one they issue. */
let valid = new Set<string>();
let issued = 0;
/** How the token endpoint answers; by default a fresh `tok-N` valid for an hour, after `tokenDelayMs`. */
let tokenAnswer: (res: ServerResponse) => void;
let tokenDelayMs = 0;

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function issue(): string {
  const token = `tok-${++issued}`;
  valid.add(token);
  return token;
}

before(async () => {
  server = createServer((req, res) =>
    onRequestRead(req, (request) => {
      if (request.url.startsWith('/oauth/') || request.url.startsWith('/rest/')) {
        tokenRequests.push(request);
        setTimeout(() => tokenAnswer(res), tokenDelayMs);
        return;
      }
      apiRequests.push(request);
      const presented =
        String(request.headers.authorization ?? '').replace(/^Bearer /, '') ||
        String(request.headers.authtoken);
      if (!valid.has(presented)) {
        const requestId = `theirs-${apiRequests.length}`;
        const refuse = () =>
          json(res, 401, { error: { code: 'invalid_token' } }, { 'x-request-id': requestId });
        // `/api/late/...` refusals arrive after the others: a late 401 for a token already replaced.
        if (request.url.startsWith('/api/late/')) setTimeout(refuse, 100);
        else refuse();
        return;
      }
      json(res, 200, { ok: true, token: presented });
    }),
  );
  origin = await listenOnLoopback(server);
});

after(() => closeServer(server));

beforeEach(() => {
  tokenRequests = [];
  apiRequests = [];
  valid = new Set();
  issued = 0;
  tokenDelayMs = 0;
  tokenAnswer = (res) => json(res, 200, { access_token: issue(), token_type: 'Bearer', expires_in: 3600 });
});

const transport = nodeTransport();
after(() => transport.close());

function client(auth: AuthStrategy, overrides: Partial<ProviderClientOptions> = {}) {
  return createProviderClient({
    provider: 'Acme',
    baseUrl: new URL(`${origin}/api/`),
    auth,
    timeoutMs: 1_000,
    retries: 2,
    retryBackoff: { baseMs: 1, maxMs: 5 },
    transport,
    requestIdHeader: 'x-request-id',
    ...overrides,
  });
}

const Ok = z.object({ ok: z.literal(true), token: z.string() });
const HANG_GUARD = { timeout: 10_000 };

/** A clock the tests move by hand, so expiry needs no waiting. */
function manualClock() {
  const clock = { at: 1_700_000_000_000, now: () => clock.at };
  return clock;
}

function credentials(overrides: Partial<Parameters<typeof oauth2ClientCredentials>[0]> = {}) {
  return oauth2ClientCredentials({
    tokenUrl: `${origin}/oauth/token`,
    clientId: 'app-1',
    clientSecret: 's3cret',
    scope: 'PIS',
    authStyle: 'basic',
    ...overrides,
  });
}

describe('static auth', HANG_GUARD, () => {
  it('sends one Basic header built from user and password', async () => {
    const strategy = basicAuth('client', 'pä:ss');
    const headers = await strategy.headers({ http: client(strategy) });
    assert.deepEqual(headers, { authorization: `Basic ${Buffer.from('client:pä:ss').toString('base64')}` });
    assert.equal(await strategy.headers({ http: client(strategy) }), headers, 'built once, reused');
  });

  it('refuses a Basic user name with a colon, which the server could not split', () => {
    assert.throws(() => basicAuth('a:b', 'c'), ConfigError);
  });

  it('sends a static bearer token and does not retry its 401', async () => {
    await assert.rejects(client(bearerAuth('revoked')).get({ path: 'payments/1' }, Ok), (error: unknown) => {
      assert.ok(error instanceof ProviderRequestError);
      assert.equal(error.providerStatus, 401);
      assert.equal(error.requestId, 'theirs-1');
      return true;
    });
    assert.equal(apiRequests.length, 1);
    assert.equal(apiRequests[0].headers.authorization, 'Bearer revoked');
  });
});

describe('OAuth2 client credentials', HANG_GUARD, () => {
  it('asks the token endpoint with Basic client credentials and a form body, then calls with Bearer', async () => {
    const http = client(credentials({ extraParams: { app_id: 'app-1' } }));
    assert.deepEqual(await http.get({ path: 'payments/1' }, Ok), { ok: true, token: 'tok-1' });
    assert.equal(tokenRequests.length, 1);
    const [asked] = tokenRequests;
    assert.equal(asked.method, 'POST');
    assert.equal(asked.url, '/oauth/token');
    assert.equal(asked.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(asked.headers.accept, 'application/json');
    assert.equal(asked.headers.authorization, `Basic ${Buffer.from('app-1:s3cret').toString('base64')}`);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(asked.body)), {
      grant_type: 'client_credentials',
      scope: 'PIS',
      app_id: 'app-1',
    });
    assert.equal(apiRequests[0].headers.authorization, 'Bearer tok-1');
  });

  it('puts the client credentials in the body when authStyle is body', async () => {
    await client(credentials({ authStyle: 'body', scope: undefined })).get({ path: 'x' }, Ok);
    const [asked] = tokenRequests;
    assert.equal(asked.headers.authorization, undefined);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(asked.body)), {
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 's3cret',
    });
  });

  it('resolves a relative token URL against the base URL', async () => {
    await client(credentials({ tokenUrl: '../oauth/token' })).get({ path: 'x' }, Ok);
    assert.equal(tokenRequests[0].url, '/oauth/token');
  });

  it('asks for one token when twenty calls start together, and they all use it', async () => {
    tokenDelayMs = 50;
    const http = client(credentials());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2
          ? http.get({ path: `payments/${index}` }, Ok)
          : http.post({ path: 'payments', body: {} }, Ok),
      ),
    );
    assert.equal(tokenRequests.length, 1);
    assert.equal(apiRequests.length, 20);
    assert.ok(results.every((result) => result.token === 'tok-1'));
  });

  it('reuses the token until shortly before it expires, then asks for a new one', async () => {
    const clock = manualClock();
    const http = client(credentials({ now: clock.now }));
    await http.get({ path: 'x' }, Ok);
    clock.at += 3_500_000; // 100 s before the hour is over
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-1');
    clock.at += 45_000; // 55 s before: inside the refresh margin
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-2');
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-2');
    assert.equal(tokenRequests.length, 2);
  });

  it('reads expires_in sent as a string, and keeps a token without one for five minutes', async () => {
    const clock = manualClock();
    tokenAnswer = (res) => json(res, 200, { access_token: issue(), expires_in: '120' });
    const http = client(credentials({ now: clock.now }));
    await http.get({ path: 'x' }, Ok);
    clock.at += 107_000; // 120 s life, 12 s margin
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-1');
    clock.at += 2_000;
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-2');

    tokenAnswer = (res) => json(res, 200, { access_token: issue() });
    const other = client(credentials({ now: clock.now }));
    await other.get({ path: 'x' }, Ok);
    clock.at += 269_000; // 300 s life, 30 s margin
    assert.equal((await other.get({ path: 'x' }, Ok)).token, 'tok-3');
    clock.at += 2_000;
    assert.equal((await other.get({ path: 'x' }, Ok)).token, 'tok-4');
  });

  it('replaces a token the API refuses with 401 and sends the call once more, a write included', async () => {
    const lines: Array<{ details: Record<string, unknown>; message: string }> = [];
    const logger = {
      warn: (details: Record<string, unknown>, message: string) => lines.push({ details, message }),
    };
    const http = client(credentials(), { logger });
    await http.get({ path: 'x' }, Ok);
    valid.delete('tok-1'); // revoked at the provider before its expiry
    const result = await http.post({ path: 'payments', body: { amount: 1 } }, Ok);
    assert.equal(result.token, 'tok-2');
    assert.equal(tokenRequests.length, 2);
    assert.deepEqual(
      apiRequests.map((request) => [request.method, request.headers.authorization, request.body]),
      [
        ['GET', 'Bearer tok-1', ''],
        ['POST', 'Bearer tok-1', '{"amount":1}'],
        ['POST', 'Bearer tok-2', '{"amount":1}'],
      ],
    );
    assert.notEqual(apiRequests[1].headers['x-request-id'], apiRequests[2].headers['x-request-id']);
    assert.deepEqual(lines, [
      {
        details: { provider: 'Acme', method: 'POST', path: 'payments', requestId: 'theirs-2' },
        message: 'Acme answered 401; retrying once with a fresh token',
      },
    ]);
  });

  it('gives up on a second 401 with the error of that answer', async () => {
    tokenAnswer = (res) =>
      json(res, 200, { access_token: `never-valid-${tokenRequests.length}`, expires_in: 3600 });
    await assert.rejects(client(credentials()).get({ path: 'x' }, Ok), (error: unknown) => {
      assert.ok(error instanceof ProviderRequestError);
      assert.equal(error.providerStatus, 401);
      assert.equal(error.requestId, 'theirs-2');
      assert.equal(error.message, 'Acme answered GET /api/x with 401 (request theirs-2).');
      return true;
    });
    assert.equal(tokenRequests.length, 2);
    assert.equal(apiRequests.length, 2, 'a read answered 401 is not retried as a transient failure');
  });

  it('fetches one new token when ten calls are refused together', async () => {
    const http = client(credentials());
    await http.get({ path: 'x' }, Ok);
    valid.delete('tok-1');
    tokenDelayMs = 30;
    const results = await Promise.all(Array.from({ length: 10 }, () => http.get({ path: 'x' }, Ok)));
    assert.ok(results.every((result) => result.token === 'tok-2'));
    assert.equal(tokenRequests.length, 2);
    assert.equal(apiRequests.length, 21);
  });

  it('keeps the new token when a late 401 for the replaced one arrives', async () => {
    const http = client(credentials());
    await http.get({ path: 'x' }, Ok);
    valid.delete('tok-1');
    const [late, early] = await Promise.all([http.get({ path: 'late/1' }, Ok), http.get({ path: 'x' }, Ok)]);
    assert.equal(early.token, 'tok-2');
    assert.equal(late.token, 'tok-2', 'the late refusal retried with the token that replaced tok-1');
    assert.equal(tokenRequests.length, 2);
  });

  it('reports a refused token request with its own request id, and asks again on the next call', async () => {
    tokenAnswer = (res) =>
      json(res, 400, { error: 'invalid_client' }, { 'x-request-id': `token-${tokenRequests.length}` });
    const http = client(credentials());
    await assert.rejects(http.get({ path: 'x' }, Ok), (error: unknown) => {
      assert.ok(error instanceof ProviderRequestError);
      assert.equal(error.providerStatus, 400);
      assert.equal(error.requestId, 'token-1');
      assert.equal(error.message, 'Acme answered POST /oauth/token with 400 (request token-1).');
      return true;
    });
    assert.equal(apiRequests.length, 0);
    tokenAnswer = (res) => json(res, 200, { access_token: issue(), expires_in: 3600 });
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-1');
    assert.equal(tokenRequests.length, 2);
  });

  it('retries a token request answered 503: asking for a token changes nothing at the provider', async () => {
    let answers = 0;
    tokenAnswer = (res) =>
      ++answers === 1 ? json(res, 503, {}) : json(res, 200, { access_token: issue(), expires_in: 3600 });
    assert.equal((await client(credentials()).post({ path: 'x', body: {} }, Ok)).token, 'tok-1');
    assert.equal(tokenRequests.length, 2);
  });

  it('refuses a token answer without access_token, or of another type, as provider_bad_response', async () => {
    tokenAnswer = (res) => json(res, 200, { token_type: 'Bearer', expires_in: 3600 });
    await assert.rejects(client(credentials()).get({ path: 'x' }, Ok), { code: 'provider_bad_response' });
    tokenAnswer = (res) => json(res, 200, { access_token: 'mac-1', token_type: 'mac' });
    await assert.rejects(client(credentials()).get({ path: 'x' }, Ok), {
      code: 'provider_bad_response',
      message: /token_type is not Bearer/,
    });
    assert.equal(apiRequests.length, 0);
  });

  it("stops a caller's wait for the token when it aborts, while the others get the token", async () => {
    tokenDelayMs = 100;
    const http = client(credentials());
    const caller = new AbortController();
    const leaving = http.get({ path: 'x', signal: caller.signal }, Ok);
    const staying = http.get({ path: 'x' }, Ok);
    setTimeout(() => caller.abort(new Error('shopper left')), 20);
    await assert.rejects(leaving, { message: 'shopper left' });
    assert.equal((await staying).token, 'tok-1');
    assert.equal(tokenRequests.length, 1);
    assert.equal(apiRequests.length, 1);
  });
});

describe('token from an endpoint (the card gateway’s authToken)', HANG_GUARD, () => {
  const AuthTokenAnswer = z.object({ AuthToken: z.string(), result: z.object({ code: z.string() }) });

  function cardGateway(now?: () => number) {
    return tokenFromEndpoint({
      now,
      fetchToken: async (http) => {
        const answer = await http.post(
          {
            path: '../rest/authToken',
            body: {
              'authentication.partnerId': 'partner-1',
              'merchant.username': 'shop',
              'authentication.sKey': 'k',
            },
            bodyType: 'form',
          },
          AuthTokenAnswer,
        );
        return { token: answer.AuthToken, expiresInMs: 60 * 60_000 };
      },
      header: (token) => ['AuthToken', token],
    });
  }

  beforeEach(() => {
    tokenAnswer = (res) => json(res, 200, { AuthToken: issue(), result: { code: '200' } });
  });

  it('logs in with a form POST and sends the token in its own header', async () => {
    const http = client(cardGateway());
    assert.equal((await http.post({ path: 'payments', body: {} }, Ok)).token, 'tok-1');
    assert.equal(tokenRequests[0].url, '/rest/authToken');
    assert.equal(
      tokenRequests[0].body,
      'authentication.partnerId=partner-1&merchant.username=shop&authentication.sKey=k',
    );
    assert.equal(tokenRequests[0].headers.authorization, undefined);
    assert.equal(apiRequests[0].headers.authtoken, 'tok-1');
  });

  it('shares one login among concurrent calls and renews it before the hour is over', async () => {
    const clock = manualClock();
    tokenDelayMs = 30;
    const http = client(cardGateway(clock.now));
    await Promise.all(Array.from({ length: 8 }, () => http.get({ path: 'x' }, Ok)));
    assert.equal(tokenRequests.length, 1);
    clock.at += 59 * 60_000 + 1;
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-2');
    assert.equal(tokenRequests.length, 2);
  });

  it('logs in again after a 401 and sends the call once more', async () => {
    const http = client(cardGateway());
    await http.get({ path: 'x' }, Ok);
    valid.clear();
    assert.equal((await http.get({ path: 'x' }, Ok)).token, 'tok-2');
    assert.equal(apiRequests.length, 3);
  });
});

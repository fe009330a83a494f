import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../src/server.js';
import {
  accessToken,
  connectBody,
  connectQuery,
  signedCall,
  startFintectureSandbox,
} from './helpers/stage-client.js';

// docs/test-data.md, Fintecture: "headers digest (SHA-256, base64), signature, date (RFC 2822), x-request-id
// (UUID v4) | verified; missing/invalid → rejected". The signer is helpers/published-scheme.ts, an
// independent implementation of the published scheme.
let sandbox: RunningSandbox;
let base: string;
let token: string;
before(async () => {
  sandbox = await startFintectureSandbox();
  base = sandbox.urlOf('fintecture');
  token = await accessToken(base);
});
after(() => sandbox.close());

const connectPath = `/pis/v2/connect${connectQuery()}`;

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe('Fintecture stage: request signatures', () => {
  it('accepts a POST with a body and a GET without one, signed by an independent implementation of the scheme', async () => {
    const created = await signedCall(base, token, 'POST', connectPath, connectBody());
    assert.equal(created.status, 200, await created.clone().text());
    const { meta } = (await created.json()) as { meta: { session_id: string } };
    const read = await signedCall(base, token, 'GET', `/pis/v1/payments/${meta.session_id}`);
    assert.equal(read.status, 200);
    const providers = await signedCall(base, undefined, 'GET', '/res/v1/providers?filter%5Bcountry%5D=FR');
    assert.equal(providers.status, 200, 'resources take the app_id header instead of a token');
  });

  const missing: [string, number, string][] = [
    ['Signature', 400, 'missing_header'],
    ['Date', 400, 'missing_header'],
    ['X-Request-ID', 400, 'missing_header'],
    ['Digest', 400, 'missing_header'],
  ];
  for (const [header, status, code] of missing) {
    it(`refuses a request without ${header}: ${status} ${code}, naming it, and opens nothing`, async () => {
      const sessionsBefore = sandbox.stage('fintecture').book.list().length;
      const response = await signedCall(base, token, 'POST', connectPath, connectBody(), {
        tamper: (headers) => {
          delete headers[header];
        },
      });
      const error = await errorOf(response);
      assert.deepEqual([error.status, error.code], [status, code]);
      assert.match(error.message, new RegExp(header, 'i'));
      assert.equal(sandbox.stage('fintecture').book.list().length, sessionsBefore);
    });
  }

  const tampered: [string, (headers: Record<string, string>) => void, number, string][] = [
    [
      'a Digest over other bytes',
      (h) => {
        h.Digest = 'SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
      },
      400,
      'invalid_digest',
    ],
    [
      'a Date that is not RFC 2822',
      (h) => {
        h.Date = '2026-11-30T17:00:00Z';
      },
      400,
      'invalid_date',
    ],
    [
      'a changed Date (still fresh)',
      (h) => {
        h.Date = new Date(Date.now() - 60_000).toUTCString();
      },
      401,
      'invalid_signature',
    ],
    [
      'an X-Request-ID that is not a UUID v4',
      (h) => {
        h['X-Request-ID'] = 'req-123';
      },
      400,
      'invalid_request_id',
    ],
    [
      'a changed X-Request-ID',
      (h) => {
        h['X-Request-ID'] = crypto.randomUUID();
      },
      401,
      'invalid_signature',
    ],
    [
      'an unknown keyId',
      (h) => {
        h.Signature = h.Signature.replace(/keyId="[^"]+"/, 'keyId="someone-else"');
      },
      401,
      'unknown_key_id',
    ],
    [
      'another algorithm',
      (h) => {
        h.Signature = h.Signature.replace('rsa-sha256', 'hmac-sha256');
      },
      400,
      'unsupported_algorithm',
    ],
    [
      'a signature over other bytes',
      (h) => {
        h.Signature = h.Signature.replace(
          /signature="[^"]+"/,
          `signature="${Buffer.alloc(256, 7).toString('base64')}"`,
        );
      },
      401,
      'invalid_signature',
    ],
    [
      'a headers list without digest',
      (h) => {
        h.Signature = h.Signature.replace(' digest', '');
      },
      401,
      'unsigned_header',
    ],
    [
      'a garbled Signature',
      (h) => {
        h.Signature = 'rsa nonsense';
      },
      400,
      'malformed_signature',
    ],
  ];
  for (const [what, tamper, status, code] of tampered) {
    it(`refuses ${what}: ${status} ${code}`, async () => {
      const response = await signedCall(base, token, 'POST', connectPath, connectBody(), { tamper });
      const error = await errorOf(response);
      assert.deepEqual([error.status, error.code], [status, code], error.message);
    });
  }

  it('refuses a tampered body (the digest no longer matches) and a tampered query (the request-target no longer matches)', async () => {
    // Same headers, other bytes: sign one body, send another.
    const body = JSON.stringify(connectBody('1.00'));
    const url = `${base}${connectPath}`;
    const signed = await captureHeaders(connectPath, connectBody('19.99'));
    const refused = await fetch(url, { method: 'POST', headers: signed, body });
    assert.deepEqual([(await errorOf(refused)).code], ['invalid_digest']);
    const other = await captureHeaders(connectPath, connectBody());
    const queryTampered = await fetch(`${base}/pis/v2/connect${connectQuery('another-state')}`, {
      method: 'POST',
      headers: other,
      body: JSON.stringify(connectBody()),
    });
    assert.deepEqual([(await errorOf(queryTampered)).code], ['invalid_signature']);
  });

  it('refuses a stale Date (signed correctly, 6 minutes old) with 401 stale_date', async () => {
    const response = await signedCall(base, token, 'POST', connectPath, connectBody(), {
      date: new Date(Date.now() - 6 * 60_000),
    });
    assert.deepEqual(Object.values(await errorOf(response)).slice(0, 2), [401, 'stale_date']);
  });

  it('refuses a replayed request (the same signed headers twice) with 401 replayed_request', async () => {
    const headers = await captureHeaders(connectPath, connectBody());
    const send = () =>
      fetch(`${base}${connectPath}`, { method: 'POST', headers, body: JSON.stringify(connectBody()) });
    assert.equal((await send()).status, 200);
    assert.deepEqual((await errorOf(await send())).code, 'replayed_request');
  });

  it('refuses a keyId that is not the app the bearer token belongs to, and a call without credentials', async () => {
    const noToken = await signedCall(base, undefined, 'POST', connectPath, connectBody());
    assert.deepEqual([(await errorOf(noToken)).status], [401]);
    const badToken = await signedCall(base, 'not-a-token', 'GET', '/pis/v1/payments');
    assert.deepEqual(Object.values(await errorOf(badToken)).slice(0, 2), [401, 'unauthorized']);
  });
});

/** The headers the independent signer makes for one call, without sending it. */
async function captureHeaders(pathAndQuery: string, body: unknown): Promise<Record<string, string>> {
  let captured: Record<string, string> = {};
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    captured = { ...(init?.headers as Record<string, string>) };
    return new Response('{}', { status: 200 });
  }) as typeof fetch;
  try {
    await signedCall(base, token, 'POST', pathAndQuery, body);
  } finally {
    globalThis.fetch = originalFetch;
  }
  return captured;
}

import assert from 'node:assert/strict';
import { createHash, privateDecrypt } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fintectureTestApp } from '../../src/providers/fintecture/test-app.js';
import type { RunningSandbox } from '../../src/server.js';
import {
  accessToken,
  openSession,
  payAtConnect,
  postForm,
  startFintectureSandbox,
} from './helpers/stage-client.js';
import { startWebhookReceiver } from './helpers/webhook-receiver.js';

let sandbox: RunningSandbox;
let base: string;
let token: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
before(async () => {
  sandbox = await startFintectureSandbox();
  base = sandbox.urlOf('fintecture');
  token = await accessToken(base);
});
beforeEach(async () => {
  await receiver?.close();
});
after(async () => {
  await receiver?.close();
  await sandbox.close();
});

async function setWebhook(url: string | null): Promise<void> {
  const response = await fetch(`${base}/admin/applications/${fintectureTestApp.appId}/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  assert.equal(response.status, 200);
}

/** Checks a webhook as the SDK's `Validation.authenticateRequest` does: digest, keyId, decrypted signing string. */
function verifyAsTheSdk(headers: Record<string, string | string[] | undefined>, rawBody: string): boolean {
  const digest = `SHA-256=${createHash('sha256').update(rawBody).digest('base64')}`;
  if (headers.digest !== digest) return false;
  const parts = new Map(
    [...String(headers.signature).matchAll(/([a-z]+)\s*=\s*"([^"]+)"/gi)].map((m) => [m[1], m[2]]),
  );
  if (parts.get('keyId') !== fintectureTestApp.appId) return false;
  const expected = (parts.get('headers') ?? '')
    .toLowerCase()
    .split(' ')
    .map((name) => `${name}: ${headers[name]}`)
    .join('\n');
  const decrypted = privateDecrypt(
    fintectureTestApp.privateKeyPem,
    Buffer.from(parts.get('signature') ?? '', 'base64'),
  ).toString();
  return decrypted === expected;
}

describe('Fintecture stage: the Connect page', () => {
  it('walks bank choice, login and code; a wrong password or code is a 422 with the error on the same step', async () => {
    const session = await openSession(base, token);
    const list = await fetch(`${session.url}?country=FR&q=soci`);
    const html = await list.text();
    assert.match(html, /1 bank found|2 banks found/);
    assert.match(html, /Société Générale/);
    assert.equal((await postForm(`${session.url}/bank`, { provider: 'nope' })).status, 422);
    assert.equal((await postForm(`${session.url}/bank`, { provider: 'sogefr' })).status, 303);
    const wrong = await postForm(`${session.url}/login`, { username: 'paid', password: 'wrong' });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /role="alert">The user ID or password is wrong/);
    assert.equal(
      (await postForm(`${session.url}/login`, { username: 'paid', password: 'sandbox' })).status,
      303,
    );
    assert.equal((await postForm(`${session.url}/code`, { code: '000000' })).status, 422);
    assert.equal((await postForm(`${session.url}/code`, { code: '123456' })).status, 303);
    assert.equal(sandbox.stage('fintecture').book.get(session.session_id)?.status, 'payment_created');
    const again = await postForm(`${session.url}/cancel`, {});
    assert.equal(again.status, 409, 'a paid session cannot be cancelled');
  });

  it('ends refused, without funds, or cancelled by the shopper, each with its status on the redirect', async () => {
    const book = sandbox.stage('fintecture').book;
    const refused = await openSession(base, token);
    await payAtConnect(refused.url, { username: 'refused' });
    assert.deepEqual(
      [book.get(refused.session_id)?.status, book.get(refused.session_id)?.statusReason],
      ['payment_unsuccessful', 'rejected_by_bank'],
    );
    const poor = await openSession(base, token);
    await payAtConnect(poor.url, { username: 'nofunds' });
    assert.equal(book.get(poor.session_id)?.statusReason, 'insufficient_funds');
    const cancelled = await openSession(base, token);
    assert.equal((await postForm(`${cancelled.url}/cancel`, {})).status, 303);
    const page = await (await fetch(cancelled.url)).text();
    assert.match(page, /status=payment_unsuccessful/);
    assert.equal(book.get(cancelled.session_id)?.statusReason, 'cancelled_by_psu');
  });

  it('answers 404 for an unknown session and 400 for a form without its field', async () => {
    assert.equal((await fetch(`${base}/connect/0123456789abcdef0123456789abcdef`)).status, 404);
    const session = await openSession(base, token);
    assert.equal((await postForm(`${session.url}/bank`, {})).status, 400);
  });
});

describe('Fintecture stage: webhooks', () => {
  it('posts form-encoded, signed webhooks to the webhook URL the admin call set, verifiable as the SDK verifies them', async () => {
    receiver = await startWebhookReceiver();
    await setWebhook(receiver.url);
    const session = await openSession(base, token, { state: 'webhook-state' });
    await payAtConnect(session.url, { bank: 'bnpafr' });
    await receiver.waitFor(2);
    const [chosen, paid] = receiver.received;
    assert.equal(chosen.fields.get('status'), 'sca_required');
    assert.equal(paid.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(paid.fields), {
      session_id: session.session_id,
      status: 'payment_created',
      provider: 'bnpafr',
      state: 'webhook-state',
      amount: '19.99',
      currency: 'EUR',
      event: 'payment_session.status.payment_created',
    });
    assert.match(String(paid.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.ok(verifyAsTheSdk(paid.headers, paid.rawBody), 'the SDK would accept it');
    assert.equal(
      verifyAsTheSdk(paid.headers, paid.rawBody.replace('19.99', '1.99')),
      false,
      'a changed body fails',
    );
    await setWebhook(null);
  });

  it('retries a webhook the merchant refused, with a fresh signature each time', async () => {
    receiver = await startWebhookReceiver([500, 503]);
    await setWebhook(receiver.url);
    const session = await openSession(base, token, { headers: { 'x-provider': 'fintecturebank' } });
    await payAtConnect(session.url);
    await receiver.waitFor(3);
    const attempts = receiver.received.filter((r) => r.fields.get('session_id') === session.session_id);
    assert.equal(attempts.length, 3);
    assert.equal(new Set(attempts.map((a) => a.rawBody)).size, 1, 'the same body each time');
    assert.equal(
      new Set(attempts.map((a) => a.headers['x-request-id'])).size,
      3,
      'a fresh X-Request-ID per attempt',
    );
    for (const attempt of attempts) assert.ok(verifyAsTheSdk(attempt.headers, attempt.rawBody));
    await setWebhook(null);
  });

  it('delays webhooks with the X-Sandbox-Notification-Delay-Ms knob of the session', async () => {
    receiver = await startWebhookReceiver();
    await setWebhook(receiver.url);
    const session = await openSession(base, token, {
      headers: { 'x-provider': 'fintecturebank', 'x-sandbox-notification-delay-ms': '300' },
    });
    const paidAt = Date.now();
    await payAtConnect(session.url);
    await receiver.waitFor(1);
    assert.ok(Date.now() - paidAt >= 280, 'not before the delay');
    await setWebhook(null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearFlashCookie, flashCookie, parseFlash } from '../src/back-office/flash.js';
import {
  isMerchantKey,
  issueSignInToken,
  isValidSignInToken,
  readCookie,
  signInCookie,
} from '../src/back-office/sign-in.js';

const KEY = 'back-office-test-key-0123456789';

describe('the back-office sign-in', () => {
  it('accepts exactly the merchant key', () => {
    assert.equal(isMerchantKey(KEY, KEY), true);
    assert.equal(isMerchantKey(`${KEY} `, KEY), false);
    assert.equal(isMerchantKey(KEY.slice(0, -1), KEY), false);
    assert.equal(isMerchantKey('', KEY), false);
  });

  it('issues a token that is not the key, valid for eight hours under that key only', () => {
    const now = Date.parse('2026-05-01T09:00:00Z');
    const token = issueSignInToken(KEY, now);
    assert.ok(!token.includes(KEY));
    assert.equal(isValidSignInToken(token, KEY, now + 60_000), true);
    assert.equal(isValidSignInToken(token, KEY, now + 8 * 60 * 60_000), false, 'expired');
    assert.equal(isValidSignInToken(token, 'another-merchant-key-000000', now), false, 'key rotated');
  });

  it('refuses a token whose expiry or nonce was changed', () => {
    const now = Date.now();
    const [expires, nonce, mac] = issueSignInToken(KEY, now).split('.');
    assert.equal(isValidSignInToken(`${Number(expires) + 1}.${nonce}.${mac}`, KEY, now), false);
    assert.equal(isValidSignInToken(`${expires}.${'B'.repeat(16)}.${mac}`, KEY, now), false);
    assert.equal(isValidSignInToken('garbage', KEY, now), false);
  });

  it('sets its cookies HttpOnly, SameSite=Strict, on /back-office only, and Secure over HTTPS', () => {
    assert.equal(
      signInCookie('t', false),
      'back_office=t; Path=/back-office; Max-Age=28800; HttpOnly; SameSite=Strict',
    );
    assert.match(signInCookie('t', true), /; Secure$/);
    assert.equal(readCookie('cart=tee.1; back_office=a.b=c; x=y', 'back_office'), 'a.b=c');
    assert.equal(readCookie(undefined, 'back_office'), undefined);
  });

  it('carries a result once in a cookie, and ignores one it did not write', () => {
    const cookie = flashCookie({ tone: 'ok', text: 'Captured €5.00.' }, false);
    assert.match(cookie, /; Max-Age=60; HttpOnly; SameSite=Strict$/);
    const value = readCookie(cookie.split(';')[0], 'back_office_flash');
    assert.deepEqual(parseFlash(value), { tone: 'ok', text: 'Captured €5.00.' });
    assert.match(clearFlashCookie(false), /^back_office_flash=; .*Max-Age=0/);
    assert.equal(parseFlash('not-json'), undefined);
    assert.equal(parseFlash(Buffer.from('{"tone":"evil","text":"x"}').toString('base64url')), undefined);
  });
});

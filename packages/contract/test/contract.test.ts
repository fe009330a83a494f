import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateSessionRequest, canTransition, OptionsQuery, SessionView } from '../src/index.js';

describe('contract', () => {
  it('drops any amount the browser sends with a session request', () => {
    const parsed = CreateSessionRequest.parse({ order: 'o-1', method: 'card', amount: 1, currency: 'EUR' });
    assert.deepEqual(parsed, { order: 'o-1', method: 'card' });
  });

  it('rejects unknown methods, bad countries and unsafe order ids', () => {
    assert.equal(CreateSessionRequest.safeParse({ order: 'o-1', method: 'cash' }).success, false);
    assert.equal(
      CreateSessionRequest.safeParse({ order: 'o-1', method: 'pis', country: 'de' }).success,
      false,
    );
    assert.equal(OptionsQuery.safeParse({ order: '../etc/passwd' }).success, false);
    assert.equal(OptionsQuery.safeParse({ order: 'o-1', language: 'pt-BR' }).success, true);
  });

  it('keeps statuses monotonic and finals final', () => {
    assert.equal(canTransition('created', 'pending'), true);
    assert.equal(canTransition('pending', 'succeeded'), true);
    assert.equal(canTransition('processing', 'pending'), false);
    assert.equal(canTransition('succeeded', 'failed'), false);
    assert.equal(canTransition('failed', 'succeeded'), false);
    assert.equal(canTransition('pending', 'pending'), false);
  });

  it('requires amounts in integer minor units', () => {
    const view = {
      sessionId: 's',
      orderId: 'order-1',
      status: 'pending',
      amount: { value: 19.99, currency: 'EUR' },
      method: 'pis',
      provider: 'connectpay',
      updatedAt: new Date().toISOString(),
    };
    assert.equal(SessionView.safeParse(view).success, false);
    assert.equal(SessionView.safeParse({ ...view, amount: { value: 1999, currency: 'EUR' } }).success, true);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBody } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/**
 * docs/reliability.md 21: what the kit forwards to a provider is what the options offered. A `bank`
 * outside the provider's list for the country answers 422 `bank_not_offered`: no session stored, no
 * provider payment; a merchant order carrying text no store can hold is the merchant's bug (500
 * `invalid_order`), never a database error.
 */
describe('reliability: input the kit stores or forwards is validated', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider({ methods: ['pis', 'card'] });
  const book = orderBook({ 'order-1': TEE_ORDER });
  let kit: KitServer;

  before(async () => {
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder, store });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  async function refused(response: Response, status: number, code: string): Promise<string> {
    const text = await response.text();
    assert.equal(response.status, status, text);
    const body = ErrorBody.parse(JSON.parse(text));
    assert.equal(body.error.code, code);
    return body.error.message;
  }

  for (const [label, body, pattern] of [
    ['a bank the provider does not list', { bank: 'no-such-bank', country: 'DE' }, /not offered in DE/],
    ['a bank of another country', { bank: 'fake-bank', country: 'LT' }, /not offered in LT/],
    ['a bank without its country', { bank: 'fake-bank' }, /send country/],
    [
      'a bank for a card payment',
      { bank: 'fake-bank', country: 'DE', method: 'card' },
      /only for method pis/,
    ],
    ['a bank id with a NUL', { bank: 'fake\u0000bank', country: 'DE' }, /NUL/],
  ] as const) {
    it(`refuses ${label}: nothing stored, nothing forwarded`, async () => {
      const order = book.fresh();
      const initiations = provider.calls.initiate;
      const response = await kit.createSession({ order, method: 'pis', ...body });
      const code = label.includes('NUL') ? 'invalid_request' : 'bank_not_offered';
      const message = await refused(response, code === 'invalid_request' ? 400 : 422, code);
      assert.match(message, pattern);
      assert.equal(provider.calls.initiate, initiations, 'nothing forwarded');
      assert.deepEqual(await store.listSessionsByOrder(order), [], 'nothing stored');
    });
  }

  it('accepts the bank the options offer', async () => {
    const response = await kit.createSession({
      order: book.fresh(),
      method: 'pis',
      bank: 'fake-bank',
      country: 'DE',
    });
    assert.equal(response.status, 201, await response.text());
  });

  it('a merchant order with unstorable text is invalid_order, not a database error', async () => {
    for (const order of [
      { ...TEE_ORDER, description: 'Tee\u0000' },
      { ...TEE_ORDER, description: 'x'.repeat(501) },
      { ...TEE_ORDER, returnUrl: `https://shop.test/${'a'.repeat(3000)}` },
    ]) {
      const id = book.fresh(order);
      const message = await refused(
        await kit.createSession({ order: id, method: 'card' }),
        500,
        'invalid_order',
      );
      assert.match(message, /description|returnUrl/);
      assert.deepEqual(await store.listSessionsByOrder(id), []);
    }
  });
});

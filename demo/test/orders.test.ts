import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateOrderBody, CreateTopUpBody, OrderBook } from '../src/orders.js';

describe('the order book', () => {
  it('prices an order from the catalogue: tee 19.99 EUR, review 99.99 EUR', () => {
    const book = new OrderBook();
    const order = book.createPurchase({
      items: [
        { sku: 'tee', qty: 2 },
        { sku: 'review', qty: 1 },
      ],
    });
    assert.equal(order.total, 2 * 1999 + 9999);
    assert.equal(order.currency, 'EUR');
    assert.deepEqual(
      order.lines.map((line) => [line.sku, line.qty, line.unitPrice]),
      [
        ['tee', 2, 1999],
        ['review', 1, 9999],
      ],
    );
    assert.equal(book.get(order.id), order);
  });

  it('merges repeated skus into one line', () => {
    const order = new OrderBook().createPurchase({
      items: [
        { sku: 'tee', qty: 1 },
        { sku: 'tee', qty: 2 },
      ],
    });
    assert.deepEqual(
      order.lines.map((line) => [line.sku, line.qty]),
      [['tee', 3]],
    );
  });

  it('gives every order an unguessable, URL-safe id', () => {
    const book = new OrderBook();
    const ids = new Set(
      Array.from({ length: 50 }, () => book.createPurchase({ items: [{ sku: 'tee', qty: 1 }] }).id),
    );
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, /^ord-[A-Za-z0-9_-]{12}$/);
  });

  it('accepts only known skus and sane quantities, and never a price', () => {
    assert.equal(CreateOrderBody.safeParse({ items: [{ sku: 'hat', qty: 1 }] }).success, false);
    assert.equal(CreateOrderBody.safeParse({ items: [{ sku: 'tee', qty: 0 }] }).success, false);
    assert.equal(CreateOrderBody.safeParse({ items: [{ sku: 'tee', qty: 1.5 }] }).success, false);
    assert.equal(CreateOrderBody.safeParse({ items: [] }).success, false);
    const withPrice = CreateOrderBody.parse({ items: [{ sku: 'tee', qty: 1, price: 1 }], total: 1 });
    assert.equal(new OrderBook().createPurchase(withPrice).total, 1999);
  });

  it('tops up only the offered amounts into an IBAN', () => {
    assert.equal(
      CreateTopUpBody.safeParse({ amount: 2500, creditorIban: 'LT601010012345678901' }).success,
      true,
    );
    assert.equal(
      CreateTopUpBody.safeParse({ amount: 2400, creditorIban: 'LT601010012345678901' }).success,
      false,
    );
    assert.equal(CreateTopUpBody.safeParse({ amount: 2500, creditorIban: 'not an iban' }).success, false);
    const order = new OrderBook().createTopUp({ amount: 2500, creditorIban: 'LT601010012345678901' });
    assert.equal(order.kind, 'topup');
    assert.equal(order.total, 2500);
    assert.equal(order.creditorIban, 'LT601010012345678901');
  });
});

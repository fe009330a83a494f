import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cartCookie, cartCount, parseCart } from '../src/cart.js';

describe('the cart cookie', () => {
  it('round-trips skus and quantities', () => {
    const cart = parseCart('theme=dark; cart=tee.2~review.1');
    assert.deepEqual(
      [...cart],
      [
        ['tee', 2],
        ['review', 1],
      ],
    );
    assert.equal(cartCount(cart), 3);
    assert.match(cartCookie(cart), /^cart=tee\.2~review\.1; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
  });

  it('drops unknown skus and bad quantities, and caps large ones', () => {
    assert.deepEqual([...parseCart('cart=hat.1~tee.-3~review.x~tee.99')], [['tee', 20]]);
  });

  it('expires the cookie when the cart is empty', () => {
    assert.match(cartCookie(new Map()), /Max-Age=0/);
  });
});

import { findProduct } from './catalogue.js';

/**
 * The cart lives in one cookie (`cart=tee.2~review.1`): no server state, survives restarts. Unknown
 * skus and silly quantities are dropped.
 */
export const CART_COOKIE = 'cart';
export const MAX_QTY = 20;

export type Cart = Map<string, number>;

export function parseCart(cookieHeader: string | undefined): Cart {
  const cart: Cart = new Map();
  const raw = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CART_COOKIE}=`));
  if (!raw) return cart;
  for (const entry of raw.slice(CART_COOKIE.length + 1).split('~')) {
    const [sku, qtyText] = entry.split('.');
    const qty = Number(qtyText);
    if (findProduct(sku) && Number.isInteger(qty) && qty >= 1) cart.set(sku, Math.min(qty, MAX_QTY));
  }
  return cart;
}

export function cartCookie(cart: Cart): string {
  const value = [...cart].map(([sku, qty]) => `${sku}.${qty}`).join('~');
  const maxAge = cart.size === 0 ? 0 : 60 * 60 * 24 * 7;
  return `${CART_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax`;
}

export function cartCount(cart: Cart): number {
  let count = 0;
  for (const qty of cart.values()) count += qty;
  return count;
}

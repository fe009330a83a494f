import type { Agent } from 'node:http';
import { post } from './http-load.js';
import { FRICTIONLESS_CARD } from './shop.js';

/**
 * Pays on the sandbox's hosted widget with one form post (the frictionless card),
 * as a shopper's browser would. Not `connectPayTestClient().payWithCard`: that one asks the sandbox's
 * admin API where the shopper is between steps, and the admin listing copies every payment in the
 * sandbox's book, so after the thousands of payments of the load phases it keeps the sandbox busy for
 * tens of ms exactly while the kit fetches the payment after the notification, which would be
 * measured as kit latency.
 */
export async function payWithFrictionlessCard(agent: Agent, redirectUrl: string): Promise<void> {
  const url = new URL(redirectUrl);
  const key = url.searchParams.get('key');
  if (!key) throw new Error('the widget URL has no key');
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const year = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
  // The kit asks for exactly one method (CARD), so the widget opens at the card form.
  const answer = await post(agent, {
    url: `${base}/card`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      key,
      number: FRICTIONLESS_CARD,
      expiry: `12/${year}`,
      cvc: '123',
      name: 'Bench Shopper',
    }).toString(),
  });
  if (answer.status !== 303) throw new Error(`widget card answered ${answer.status}, expected 303`);
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBody } from '@pay-checkout/contract';
import fc from 'fast-check';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit } from './helpers/kit-server.js';

/**
 * docs/reliability.md 21, property-based: every route of the router (checkout.ts `buildRouter`) driven
 * with generated bad input (methods, paths, headers, bodies: wrong types, huge, deep, NUL, lone
 * surrogates, unknown fields). Whatever comes, the answer is never a 5xx, an error is `{error: {code,
 * message}}` JSON (or an HTML page for the hosted pages), nothing is written to the store and nothing
 * is sent to the provider. The order book is empty and the session ids unknown, so no input is a valid
 * payment. Fixed seed and run count (FUZZ_SEED / FUZZ_RUNS to explore): bounded time in `npm test`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** The store methods that write; reads are free to happen. */
const WRITES = new Set([
  'openSession',
  'recordInitiation',
  'createSession',
  'attachProviderPayment',
  'transition',
  'recordNotification',
  'schedulePoll',
  'startAttempt',
  'finishAttempt',
  'reserveOperation',
  'settleOperation',
  'recordOperationRef',
  'markHookDone',
  'recordWebhookDelivery',
  'claimIdempotencyKey',
  'completeIdempotencyKey',
  'releaseIdempotencyKey',
]);

function countingWrites(store: CheckoutStore): { store: CheckoutStore; writes: string[] } {
  const writes: string[] = [];
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (WRITES.has(String(name))) writes.push(String(name));
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, writes };
}

/** The router's patterns (checkout.ts), with the methods each accepts. */
const ROUTES = [
  'options',
  'sessions',
  'sessions/:id',
  'sessions/:id/events',
  'notifications/:provider',
  'return/:id',
  'continue/:id',
  'card/:id',
  'health',
  'merchant/sessions/:id',
  'merchant/orders/:id',
  'merchant/sessions/:id/capture',
  'merchant/sessions/:id/void',
  'merchant/sessions/:id/refund',
  'pay/:id',
  'element.js',
  'element/:id',
  'locales/:id',
] as const;

/** Hosted pages answer errors as HTML pages for people, not JSON. */
const PAGES = /^\/checkout\/(return|continue|card|pay)\//;

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '..', '%', '../../etc/passwd', '<script>', ''),
  fc.string({ minLength: 300, maxLength: 3000 }),
);

/** A path segment: mostly encoded text, sometimes raw or broken percent-encoding. */
const segment = fc.oneof(
  nasty.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
  fc.constantFrom('%00', '%ZZ', '%D8%00', '%ED%A0%80', 'fakepay', 'connectpay', 'AAAAAAAAAAAAAAAAAAAAAA'),
);

/** JSON nested `depth` levels deep, around a leaf. */
const deep = fc
  .tuple(fc.integer({ min: 20, max: 3000 }), fc.jsonValue())
  .map(([depth, leaf]) => `${'{"a":'.repeat(depth)}${JSON.stringify(leaf) ?? 'null'}${'}'.repeat(depth)}`);

const sessionLike = fc.record(
  {
    order: fc.oneof(nasty, fc.integer(), fc.constant(null), fc.array(fc.string())),
    method: fc.oneof(fc.constantFrom('pis', 'card', 'googlepay', 'applepay', 'cash'), nasty, fc.integer()),
    bank: fc.oneof(nasty, fc.integer(), fc.boolean()),
    country: fc.oneof(fc.constantFrom('DE', 'LT', 'de', 'XX'), nasty),
    language: fc.oneof(fc.constantFrom('en', 'pt-BR'), nasty),
    provider: nasty,
    amount: fc.oneof(fc.integer(), nasty),
    paymentId: nasty,
    payment: fc.record({ paymentId: nasty, status: nasty }),
    unknownField: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  sessionLike.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  deep,
  nasty,
  fc.string({ minLength: 20_000, maxLength: 80_000 }),
  fc.constantFrom('', '{', '[1,2', 'null', '"\\u0000"', '{"order":"\\ud800"}', '{"__proto__":{"x":1}}'),
);

/** Header values fetch accepts (no control characters), some of them long. */
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
  fc.string({ minLength: 200, maxLength: 400 }).map((text) => text.replace(/[^\x20-\x7e]/g, 'x')),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  route: fc.constantFrom(...ROUTES),
  params: fc.array(segment, { minLength: 2, maxLength: 2 }),
  extra: fc.option(segment, { nil: undefined }),
  query: fc.array(fc.tuple(fc.constantFrom('order', 'country', 'language', 'state', 'x'), nasty), {
    maxLength: 3,
  }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    undefined,
  ),
  key: fc.option(headerValue, { nil: undefined }),
  origin: fc.option(fc.oneof(fc.constant(SHOP_ORIGIN), headerValue), { nil: undefined }),
  authorization: fc.option(
    headerValue.map((value) => `Bearer ${value}`),
    { nil: undefined },
  ),
  lastEventId: fc.option(headerValue, { nil: undefined }),
  body,
});

describe('reliability: fuzzing every route with bad input (fast-check)', () => {
  const counted = countingWrites(pgliteStore({ memory: true }));
  const provider = new FakeProvider();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({
      providers: [provider],
      // No order resolves: no generated request is a payment, so none may store or forward anything.
      resolveOrder: orderBook().resolveOrder,
      store: counted.store,
      merchantKey: 'merchant-key-for-the-fuzz-test',
      // The budgets would answer 429 before the routes see most of the input.
      rateLimit: false,
    });
  });
  after(async () => {
    await kit.close();
    await counted.store.close();
  });

  it(`never answers a 5xx, answers errors as {error:{code,message}}, stores and forwards nothing (seed ${SEED})`, async () => {
    const writes = counted.writes.length;
    const calls = () => Object.values(provider.calls).reduce((sum, n) => sum + n, 0);
    const before = calls();
    try {
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          let index = 0;
          const path = input.route.replace(/:[a-z]+/g, () => input.params[index++]);
          const query = new URLSearchParams(input.query).toString();
          const url = `${kit.base}/${path}${input.extra ? `/${input.extra}` : ''}${query ? `?${query}` : ''}`;
          const headers: Record<string, string> = {};
          if (input.contentType) headers['content-type'] = input.contentType;
          if (input.key !== undefined) headers['idempotency-key'] = input.key;
          if (input.origin !== undefined) headers.origin = input.origin;
          if (input.authorization !== undefined) headers.authorization = input.authorization;
          if (input.lastEventId !== undefined) headers['last-event-id'] = input.lastEventId;
          const abort = new AbortController();
          const response = await fetch(url, {
            method: input.method,
            headers,
            body: input.method === 'GET' ? undefined : input.body,
            signal: abort.signal,
          });
          const type = response.headers.get('content-type') ?? '';
          // A live stream (never for an unknown session) would not end: read nothing of it.
          const text = type.startsWith('text/event-stream') ? '' : await response.text();
          abort.abort();
          assert.ok(
            response.status < 500,
            `${input.method} ${url.slice(0, 200)} → ${response.status} ${text.slice(0, 300)}`,
          );
          if (response.status >= 400) {
            if (type.startsWith('text/html')) assert.match(new URL(url).pathname, PAGES);
            else ErrorBody.parse(JSON.parse(text));
          }
          assert.equal(
            counted.writes.length,
            writes,
            `stored something: ${counted.writes.slice(writes).join(', ')}`,
          );
          assert.equal(calls(), before, 'forwarded something to the provider');
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } catch (error) {
      console.error(`reliability-fuzz failed with seed ${SEED} (FUZZ_SEED=${SEED} to replay)`);
      throw error;
    }
  });
});

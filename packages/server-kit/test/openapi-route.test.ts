import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOpenApiDocument, openApiProblems } from '@pay-checkout/contract';
import { Router } from '../src/http/router.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/** `:id` → `{id}`, a trailing `*` → `{file}`: how docs/openapi.json spells the kit's route patterns. */
function openApiPath(pattern: string): string {
  const segments = pattern.split('/').filter(Boolean);
  return `/${segments.map((segment) => (segment === '*' ? '{file}' : segment.replace(/^:(.+)$/, '{$1}'))).join('/')}`;
}

describe('GET openapi.json', () => {
  let kit: KitServer;
  /** Every `Router.add` the kit makes while it is created: the routes it really serves. */
  const registered: { method: string; pattern: string }[] = [];

  before(async () => {
    const add = Router.prototype.add;
    Router.prototype.add = function (this: Router, method, pattern, handler) {
      registered.push({ method, pattern });
      return add.call(this, method, pattern, handler);
    };
    try {
      kit = await startKit({
        providers: [new FakeProvider()],
        resolveOrder: orderBook({ 'order-1': TEE_ORDER }).resolveOrder,
      });
    } finally {
      Router.prototype.add = add;
    }
  });
  after(() => kit.close());

  it('serves the contract document with this kit as its server', async () => {
    const response = await fetch(kit.url('openapi.json'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const served = await response.json();
    assert.deepEqual(served, buildOpenApiDocument({ serverUrl: kit.base }));
    assert.deepEqual(served.servers, [{ url: kit.base, description: "server-kit's base URL (`publicUrl`)" }]);
  });

  it('is structurally valid OpenAPI 3.1 as served', async () => {
    const served = await (await fetch(kit.url('openapi.json'))).json();
    assert.match(served.openapi, /^3\.1\./);
    assert.deepEqual(openApiProblems(served), []);
  });

  it('documents every route the kit registers, so a new route cannot be forgotten', async () => {
    assert.ok(registered.length >= 19, `saw ${registered.length} registrations`);
    const served = await (await fetch(kit.url('openapi.json'))).json();
    const missing = registered
      .filter(({ method, pattern }) => !served.paths[openApiPath(pattern)]?.[method.toLowerCase()])
      .map(({ method, pattern }) => `${method} ${pattern}`);
    assert.deepEqual(missing, []);
  });

  it('documents no route the kit does not serve', async () => {
    const served = await (await fetch(kit.url('openapi.json'))).json();
    const routes = new Set(
      registered.map(({ method, pattern }) => `${method.toLowerCase()} ${openApiPath(pattern)}`),
    );
    const extra = Object.entries<Record<string, unknown>>(served.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .map((method) => `${method} ${path}`)
        .filter((route) => !routes.has(route)),
    );
    assert.deepEqual(extra, []);
  });
});

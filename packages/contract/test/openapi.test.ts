import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildOpenApiDocument, ERROR_CODE_INFO, ErrorCode, openApiProblems } from '../src/index.js';

const checkedIn = new URL('../../../docs/openapi.json', import.meta.url);

describe('OpenAPI document', () => {
  it('is the document checked in as docs/openapi.json (run npm run openapi -w @pay-checkout/contract)', () => {
    const onDisk = JSON.parse(readFileSync(checkedIn, 'utf8'));
    assert.deepEqual(onDisk, buildOpenApiDocument());
  });

  it('is structurally valid OpenAPI 3.1: paths, operations, parameters, and every $ref resolves', () => {
    assert.deepEqual(openApiProblems(buildOpenApiDocument()), []);
  });

  it('finds the problems of a broken document: a dangling $ref, an undeclared path parameter', () => {
    // A copy as plain JSON (any shape), to break on purpose.
    const doc = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    doc.paths['/sessions/{id}'].get.parameters = [];
    doc.paths['/sessions'].post.requestBody.content['application/json'].schema = {
      $ref: '#/components/schemas/Nope',
    };
    assert.deepEqual(openApiProblems(doc), [
      'GET /sessions/{id}: path parameters [] do not match the template',
      '#/paths/~1sessions/post/requestBody/content/application~1json/schema: $ref #/components/schemas/Nope does not resolve',
    ]);
  });

  it('names the given server URL', () => {
    const doc = buildOpenApiDocument({ serverUrl: 'https://shop.example/pay' });
    assert.deepEqual(
      (doc.servers as { url: string }[]).map((server) => server.url),
      ['https://shop.example/pay'],
    );
  });

  it('lists each error code under the HTTP status the kit answers it with', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const responses = doc.paths['/sessions'].post.responses;
    assert.match(responses['409'].description, /`order_already_paid`/);
    assert.match(responses['400'].description, /`invalid_request`/);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const [, code] of response.description.matchAll(/`([a-z_]+)`/g)) {
            if (!ErrorCode.safeParse(code).success) continue;
            assert.equal(
              String(ERROR_CODE_INFO[code as ErrorCode].status),
              status,
              `${method} ${path} ${code}`,
            );
          }
        }
      }
    }
  });

  it('describes the session schemas from the zod contract (amounts in minor units, no amount in requests)', () => {
    const { schemas } = JSON.parse(JSON.stringify(buildOpenApiDocument())).components;
    assert.deepEqual(schemas.Money.properties.value.type, 'integer');
    assert.equal(schemas.CreateSessionRequest.properties.amount, undefined);
    assert.deepEqual(schemas.CreateSessionRequest.required, ['order', 'method']);
    assert.deepEqual(schemas.SessionView.properties.status, { $ref: '#/components/schemas/SessionStatus' });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IMPORT_MAP, readModuleFile } from '../src/modules.js';

describe('the /modules/ file server for the ES module checkout page', () => {
  it('serves the files the import map points at, as JavaScript', async () => {
    for (const target of [IMPORT_MAP.lit, IMPORT_MAP['lit-html'], IMPORT_MAP['@lit/reactive-element']]) {
      const file = await readModuleFile(target);
      assert.ok(file, `${target} is served`);
      assert.equal(file.contentType, 'text/javascript; charset=utf-8');
      assert.ok(file.body.length > 0);
    }
  });

  it('serves nothing outside the allow-listed package folders', async () => {
    for (const path of [
      '/modules/zod/index.js',
      '/modules/@pay-checkout/server-kit/src/index.js',
      '/modules/@pay-checkout/element/src/index.js',
      '/modules/constructor/index.js',
      '/modules/lit',
      '/modules/',
    ]) {
      assert.equal(await readModuleFile(path), undefined, path);
    }
  });

  it('refuses path tricks: dot segments, encoded ones, backslashes, NUL, empty segments', async () => {
    for (const path of [
      '/modules/lit/../lit-html/lit-html.js',
      '/modules/lit/%2e%2e/%2e%2e/package.json',
      '/modules/lit/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/modules/lit/..%5c..%5cpackage.json',
      '/modules/lit/index.js%00.js',
      '/modules/lit//index.js',
      '/modules/lit/%E0%A4%A',
    ]) {
      assert.equal(await readModuleFile(path), undefined, path);
    }
  });

  it('serves only .js and .map files', async () => {
    assert.equal(await readModuleFile('/modules/lit/package.json'), undefined);
    assert.equal(await readModuleFile('/modules/lit/index.d.ts'), undefined);
    assert.equal(
      (await readModuleFile('/modules/lit/index.js.map'))?.contentType,
      'application/json; charset=utf-8',
    );
  });
});

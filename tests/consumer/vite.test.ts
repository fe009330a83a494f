// A merchant's page built by Vite from the installed element: the build succeeds and keeps the element's
// locales as lazy chunks (one per language, loaded on demand), not folded into the page's script.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectDir, runNode, tool } from './consumer-project.js';

describe('Vite build of a page using the element', () => {
  it('builds, with each locale of the element in its own lazy chunk', async () => {
    const run = await runNode([tool('vite/bin/vite.js'), 'build']);
    assert.equal(run.code, 0, run.stdout + run.stderr);

    const shipped = (
      await readdir(path.join(projectDir(), 'node_modules/@pay-checkout/element/dist/locales'))
    )
      .filter((file) => file.endsWith('.js'))
      .map((file) => file.slice(0, -3));
    assert.ok(shipped.length >= 10, `the element ships its locales (${shipped.length})`);
    const assets = await readdir(path.join(projectDir(), 'dist-page/assets'));
    const missing = shipped.filter(
      (tag) => !assets.some((file) => file.startsWith(`${tag}-`) && file.endsWith('.js')),
    );
    assert.deepEqual(missing, [], 'a lazy chunk per locale');

    // The entry script registers the element and pulls no locale in eagerly.
    const html = await readFile(path.join(projectDir(), 'dist-page/index.html'), 'utf8');
    const entry = html.match(/src="\/assets\/([^"]+\.js)"/)?.[1];
    assert.ok(entry, html);
    const script = await readFile(path.join(projectDir(), 'dist-page/assets', entry), 'utf8');
    assert.ok(/[`"']pay-checkout[`"']/.test(script), 'the entry chunk defines <pay-checkout>');
    // A German string of the element's own `de` chunk stays out of the entry chunk.
    const german = (
      await readFile(path.join(projectDir(), 'node_modules/@pay-checkout/element/dist/locales/de.js'), 'utf8')
    ).match(/[`"']([^`"']*[äöüß][^`"']*)[`"']/)?.[1];
    assert.ok(german, 'the de chunk has German text');
    assert.ok(!script.includes(german), `"${german}" is not in the entry chunk`);
  });
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../../', import.meta.url);
const folder = new URL('docs/integrations/', root);
const pages = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md');

/**
 * docs/integrations/: every framework page says, in its opening, whether a test of ours runs it
 * ("**Tested**", naming files that exist) or not ("untested"), and the index lists every page,
 * so a framework cannot be claimed without a test or an honest mark.
 */
describe('docs/integrations', () => {
  it('has a page per framework, each listed in the index', () => {
    const index = readFileSync(new URL('README.md', folder), 'utf8');
    assert.ok(pages.length >= 10, `only ${pages.length} pages`);
    for (const page of pages) assert.match(index, new RegExp(`\\]\\(${page.replace('.', '\\.')}\\)`), page);
  });

  for (const page of pages) {
    it(`${page} says whether it is tested, and its tests exist`, () => {
      const text = readFileSync(new URL(page, folder), 'utf8');
      const first = text.split('\n\n').slice(1, 2).join('');
      assert.match(
        first,
        /\*\*(Tested|Untested)\*\*/,
        `${page}: the first paragraph must say **Tested** or **Untested**`,
      );
      if (first.includes('**Tested**')) {
        const cited = [...first.matchAll(/`((?:packages|e2e|demo|tests)\/[^`]+\.(?:tsx?|js))`/g)].map(
          (match) => match[1],
        );
        assert.ok(cited.length > 0, `${page}: a tested page names its test`);
        for (const file of cited)
          assert.ok(existsSync(new URL(file, root)), `${page}: ${file} does not exist`);
      }
    });
  }
});

// What a registry and a merchant's tools read from each installed package: metadata, the files that must
// ship, and an `exports` map every resolver can use.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectDir, runNode } from './consumer-project.js';

interface Manifest {
  name: string;
  license?: string;
  repository?: { url?: string; directory?: string };
  engines?: { node?: string };
  homepage?: string;
  keywords?: string[];
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const installed = (): { dir: string; manifest: Manifest }[] => {
  const project = JSON.parse(readFileSync(path.join(projectDir(), 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(project.dependencies).map((name) => {
    const dir = path.join(projectDir(), 'node_modules', name);
    return { dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest };
  });
};

describe('the installed packages', () => {
  it('each carries its license, repository, engines, homepage, keywords, README, LICENSE and CHANGELOG', () => {
    const packages = installed();
    assert.ok(packages.length >= 4, `expected at least the four packages, got ${packages.length}`);
    for (const { dir, manifest } of packages) {
      assert.equal(manifest.license, 'MIT', manifest.name);
      assert.match(manifest.repository?.url ?? '', /^git\+https:\/\//, manifest.name);
      assert.ok(manifest.repository?.directory, `${manifest.name}: repository.directory`);
      assert.match(manifest.engines?.node ?? '', /^>=20/, manifest.name);
      assert.match(manifest.homepage ?? '', /^https:\/\//, manifest.name);
      assert.ok((manifest.keywords ?? []).length > 0, `${manifest.name}: keywords`);
      for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
        assert.ok(existsSync(path.join(dir, file)), `${manifest.name} ships ${file}`);
      }
    }
  });

  it('depends on its siblings by caret range, never "*"', () => {
    for (const { manifest } of installed()) {
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
      for (const [name, range] of Object.entries(ranges)) {
        if (name.startsWith('@pay-checkout/')) assert.match(range, /^\^\d/, `${manifest.name} → ${name}`);
      }
    }
  });

  it('gives every export types, import and default, and its types are compiled .d.ts (never src)', () => {
    for (const { dir, manifest } of installed()) {
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        if (typeof target === 'string') {
          assert.ok(
            /\.json$/.test(target),
            `${manifest.name} ${subpath}: only JSON files may be a bare path`,
          );
          continue;
        }
        // A types-only entry (the element's ./jsx, ./vue, ./svelte typings) has no module to load.
        const typesOnly = Object.keys(target).join() === 'types';
        for (const condition of typesOnly ? ['types'] : ['types', 'import', 'default']) {
          assert.ok(target[condition], `${manifest.name} ${subpath}: "${condition}" condition`);
        }
        assert.match(target.types ?? '', /^\.\/dist\/.*\.d\.ts$/, `${manifest.name} ${subpath}: types`);
        assert.ok(
          existsSync(path.join(dir, target.types ?? '')),
          `${manifest.name} ${subpath}: ${target.types} ships`,
        );
        if (typesOnly) continue;
        assert.ok(
          existsSync(path.join(dir, target.import ?? '')),
          `${manifest.name} ${subpath}: ${target.import} ships`,
        );
      }
    }
  });

  it('resolves every export through require() as well (the default condition)', () => {
    const require = createRequire(path.join(projectDir(), 'index.js'));
    for (const { manifest } of installed()) {
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        if (typeof target === 'object' && Object.keys(target).join() === 'types') continue; // typings only
        const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
        assert.ok(existsSync(require.resolve(specifier)), specifier);
      }
    }
  });

  it('loads the contract with require() (Node ≥ 20.19 requires ES modules)', async () => {
    const run = await runNode([
      '--no-warnings',
      '-e',
      "const c = require('@pay-checkout/contract'); console.log('RESULT ' + JSON.stringify({ final: c.isFinalStatus('succeeded') }))",
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /RESULT \{"final":true\}/);
  });

  it('declares the element, pg and PGlite as optional peers of server-kit', () => {
    const kit = installed().find(({ manifest }) => manifest.name === '@pay-checkout/server-kit')?.manifest;
    assert.ok(kit);
    for (const name of ['@pay-checkout/element', 'pg', '@electric-sql/pglite']) {
      assert.ok(kit.peerDependencies?.[name], `peer ${name}`);
      assert.equal(kit.peerDependenciesMeta?.[name]?.optional, true, `${name} optional`);
      assert.equal(kit.dependencies?.[name], undefined, `${name} is no hard dependency`);
    }
  });
});

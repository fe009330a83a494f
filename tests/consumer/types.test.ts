// A merchant's TypeScript against the installed packages: strict, library files checked
// (`skipLibCheck: false`), under both module resolutions merchants use, and for the server part
// without DOM libs (project/tsconfig.*.json).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runNode, tool } from './consumer-project.js';

const tsc = (config: string, ...flags: string[]) =>
  runNode([tool('typescript/bin/tsc'), '-p', config, '--pretty', 'false', ...flags]);

describe('TypeScript in a merchant project', () => {
  it('type-checks a Node server importing server-kit, contract and sandbox (moduleResolution bundler, no DOM lib)', async () => {
    const run = await tsc('tsconfig.bundler.json');
    assert.equal(run.stdout + run.stderr, '');
    assert.equal(run.code, 0);
  });

  // The run above checks every declaration file (ours, and zod's, pino's, Node's that ours pull in);
  // checking them all again costs ~10 s of CPU per run, so the next two check resolution and usage only.
  it('type-checks the same server under moduleResolution node16', async () => {
    const run = await tsc('tsconfig.node16.json', '--skipLibCheck');
    assert.equal(run.stdout + run.stderr, '');
    assert.equal(run.code, 0);
  });

  it('type-checks a page importing the element (DOM libs, no Node types)', async () => {
    const run = await tsc('tsconfig.page.json', '--skipLibCheck');
    assert.equal(run.stdout + run.stderr, '');
    assert.equal(run.code, 0);
  });
});

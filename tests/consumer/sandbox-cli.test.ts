// `npx pay-sandbox` from the installed tarball: the bin starts the built CLI (no tsx in a merchant's
// project) and the sandbox answers.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { projectDir } from './consumer-project.js';

describe('npx pay-sandbox', () => {
  it('starts from the installed package and answers on the URL it prints', async (t) => {
    const child = spawn('npx', ['--no-install', 'pay-sandbox', '--port', '0', '--providers', 'connectpay'], {
      cwd: projectDir(),
      stdio: ['ignore', 'pipe', 'inherit'],
      // Its own process group: npx runs the bin as a child, and the stop below must reach both.
      detached: true,
    });
    const exited = once(child, 'exit');
    t.after(async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid)
        process.kill(-child.pid, 'SIGTERM');
      await exited;
    });
    let url: string | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      url = line.match(/every stage is listed at (http:\/\/\S+?)\/?$/)?.[1];
      if (url) break;
    }
    assert.ok(url, 'pay-sandbox printed its URL');
    const index = await fetch(`${url}/`, { headers: { accept: 'application/json' } });
    assert.equal(index.status, 200);
    assert.match(await index.text(), /connectpay/i);
  });
});

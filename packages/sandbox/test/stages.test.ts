import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STAGE_KINDS } from '../src/providers/stages.js';
import { type RunningSandbox, startSandbox } from '../src/server.js';

interface Listing {
  sandbox: string;
  stages: { kind: string; title: string; url: string; adminUrl: string }[];
}

describe('startSandbox and its stages', () => {
  describe('with every registered stage (the default)', () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startSandbox({ port: 0, log: () => {} });
    });
    after(() => sandbox.close());

    it('starts every stage of providers/stages.ts, each under /{kind}', () => {
      assert.deepEqual(
        sandbox.stages.map((stage) => stage.kind),
        [...STAGE_KINDS],
      );
      for (const stage of sandbox.stages) {
        assert.equal(stage.prefix, `/${stage.kind}`);
        assert.equal(sandbox.urlOf(stage.kind), `${sandbox.url}/${stage.kind}`);
      }
    });

    it('keeps connectPayUrl and connectPay as the ConnectPay stage', () => {
      assert.equal(sandbox.connectPayUrl, sandbox.urlOf('connectpay'));
      assert.equal(sandbox.connectPay, sandbox.stage('connectpay'));
      assert.equal(typeof sandbox.connectPay.book.list, 'function');
    });

    it('lists the stages at GET / as JSON, with their base and admin URLs', async () => {
      const response = await fetch(`${sandbox.url}/`);
      assert.equal(response.status, 200);
      const listing = (await response.json()) as Listing;
      assert.equal(listing.sandbox, '@pay-checkout/sandbox');
      assert.deepEqual(
        listing.stages.map((stage) => stage.kind),
        [...STAGE_KINDS],
      );
      const connectPay = listing.stages.find((stage) => stage.kind === 'connectpay');
      assert.deepEqual(connectPay, {
        kind: 'connectpay',
        title: 'ConnectPay',
        url: `${sandbox.url}/connectpay`,
        adminUrl: `${sandbox.url}/connectpay/admin`,
      });
      assert.ok(connectPay);
      assert.equal((await fetch(`${connectPay.adminUrl}/knobs`)).status, 200);
    });

    it('shows a browser the same list as a page', async () => {
      const response = await fetch(`${sandbox.url}/`, { headers: { accept: 'text/html,*/*;q=0.8' } });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const page = await response.text();
      assert.match(page, /<html lang="en">/);
      assert.ok(page.includes(`<a href="${sandbox.url}/connectpay">${sandbox.url}/connectpay</a>`));
    });

    it('throws, naming what runs, for a kind that is not running', () => {
      assert.throws(() => sandbox.urlOf('elsewhere'), {
        message: `The elsewhere stage is not running in this sandbox (started: ${STAGE_KINDS.join(', ')}).`,
      });
    });
  });

  describe('with a chosen list of providers', () => {
    it('starts only the listed stages', async () => {
      const sandbox = await startSandbox({ port: 0, providers: ['connectpay'], log: () => {} });
      try {
        assert.deepEqual(
          sandbox.stages.map((stage) => stage.kind),
          ['connectpay'],
        );
      } finally {
        await sandbox.close();
      }
    });

    it('serves nothing under a stage that was left out, and says so where it is asked for', async () => {
      const sandbox = await startSandbox({ port: 0, providers: [], log: () => {} });
      try {
        assert.deepEqual(((await (await fetch(`${sandbox.url}/`)).json()) as Listing).stages, []);
        assert.equal((await fetch(`${sandbox.url}/connectpay/admin/knobs`)).status, 404);
        assert.throws(() => sandbox.connectPayUrl, /The connectpay stage is not running/);
        assert.throws(() => sandbox.connectPay, /The connectpay stage is not running/);
      } finally {
        await sandbox.close();
      }
    });

    it('refuses an unknown provider before listening', async () => {
      await assert.rejects(startSandbox({ port: 0, providers: ['connectpay', 'nope'] }), {
        message: `Unknown sandbox provider nope; the sandbox plays ${STAGE_KINDS.join(', ')}.`,
      });
    });
  });
});

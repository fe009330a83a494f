import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView } from '@pay-checkout/contract';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/** Next actions other than a plain redirect, and returns to one registered URL, through the whole kit. */
describe('server-kit next actions and state returns', () => {
  let kit: KitServer;
  const formPost = new FakeProvider({ id: 'formpay', nextAction: 'form_post', methods: ['card'] });
  const instant = new FakeProvider({
    id: 'instantpay',
    nextAction: 'none',
    methods: ['googlepay'],
    initialStatus: { status: 'succeeded', raw: 'APPROVED' },
  });
  const statePay = new FakeProvider({ id: 'statepay', returnStyle: 'state', methods: ['pis'] });
  const book = orderBook({ 'order-1': TEE_ORDER });

  before(async () => {
    kit = await startKit({ providers: [formPost, instant, statePay], resolveOrder: book.resolveOrder });
  });
  after(() => kit.close());

  async function open(method: string): Promise<CreateSessionResponse> {
    const response = await kit.createSession({ order: book.fresh(), method, country: 'DE' });
    assert.equal(response.status, 201);
    return CreateSessionResponse.parse(await response.json());
  }

  describe('form_post (3-D Secure)', () => {
    it('answers our continue page as the one URL the element follows', async () => {
      const created = await open('card');
      assert.equal(created.redirectUrl, kit.url(`continue/${created.sessionId}`));
      assert.equal(created.status, 'pending');
    });

    it('serves an auto-submitting form to the provider with its fields, a nonce CSP and a Continue button', async () => {
      const created = await open('card');
      const payment = formPost.paymentFor(created.sessionId);
      const response = await fetch(created.redirectUrl, { headers: { 'accept-language': 'de' } });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<form id="continue" method="post" action="https:\/\/pay\.fake\.test\/acs">/);
      assert.ok(html.includes(`name="PaReq" value="pareq-${payment.providerRef}"`));
      assert.ok(html.includes(`name="MD" value="${payment.reference}"`));
      assert.match(html, /<button type="submit">Weiter<\/button>/);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, 'a nonce in the CSP');
      assert.ok(html.includes(`<script nonce="${nonce}">`), 'the submitting script carries the nonce');
      assert.match(csp, /form-action 'self' https:\/\/pay\.fake\.test(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline/);
    });

    it('sends the shopper to the return page once the payment has moved on (no second post)', async () => {
      const created = await open('card');
      formPost.setStatus(formPost.paymentFor(created.sessionId).providerRef, {
        status: 'succeeded',
        raw: 'COMPLETED',
      });
      await fetch(kit.url(`return/${created.sessionId}`)); // reconciles to succeeded
      const response = await fetch(created.redirectUrl, { redirect: 'manual' });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `/checkout/return/${created.sessionId}`);
    });

    it('answers 404 continue_not_available for a session that has no form to post', async () => {
      const created = await open('googlepay');
      const response = await fetch(kit.url(`continue/${created.sessionId}`));
      assert.equal(response.status, 404);
      assert.equal(await errorCode(response), 'continue_not_available');
    });

    it('refuses a form post to a host outside the adapter allow-list and fails the session', async () => {
      const rogue = new FakeProvider({ id: 'roguepay', nextAction: 'form_post', methods: ['card'] });
      rogue.formAction = 'https://acs.elsewhere.test/3ds';
      const other = await startKit({ providers: [rogue], resolveOrder: book.resolveOrder });
      try {
        const response = await other.createSession({ order: book.fresh(), method: 'card' });
        assert.equal(response.status, 502);
        assert.equal(await errorCode(response), 'unsafe_redirect');
        const [payment] = rogue.payments.values();
        const { sessionId } = payment.input;
        const view = SessionView.parse(await (await fetch(other.url(`sessions/${sessionId}`))).json());
        assert.equal(view.status, 'failed');
      } finally {
        await other.close();
      }
    });
  });

  describe('none (final at once)', () => {
    it('sends the shopper straight to our return page, the session already succeeded', async () => {
      const created = await open('googlepay');
      assert.equal(created.redirectUrl, kit.url(`return/${created.sessionId}`));
      assert.equal(created.status, 'succeeded');
      const view = SessionView.parse(await (await fetch(kit.url(`sessions/${created.sessionId}`))).json());
      assert.equal(view.status, 'succeeded');
      assert.equal(view.provider, 'instantpay');
    });
  });

  describe('state returns (one registered return URL)', () => {
    it('hands the provider our return/{providerId} URL and the session id as state', async () => {
      const created = await open('pis');
      const { input } = statePay.paymentFor(created.sessionId);
      assert.equal(input.returnUrl, kit.url('return/statepay'));
      assert.equal(input.state, created.sessionId);
      assert.equal(input.notificationUrl, kit.url('notifications/statepay'));
    });

    it('resolves GET return/{providerId}?state=… to the session and redirects to its return page', async () => {
      const created = await open('pis');
      const response = await fetch(kit.url(`return/statepay?state=${created.sessionId}&status=paid`), {
        redirect: 'manual',
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `/checkout/return/${created.sessionId}`);
    });

    it('answers 404 with a "payment not found" page (a shopper sees it: never JSON) when the state names no session', async () => {
      for (const query of ['', '?state=AAAAAAAAAAAAAAAAAAAAAA', '?state=nonsense']) {
        const response = await fetch(kit.url(`return/statepay${query}`), { redirect: 'manual' });
        assert.equal(response.status, 404, query);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/, query);
        assert.match(await response.text(), /<h1>Payment not found<\/h1>/, query);
      }
    });
  });
});

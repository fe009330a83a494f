import { expect } from '@open-wc/testing';
import '../src/pay-checkout.js';
import { timeouts } from '../src/checkout-api.js';
import type { ErrorDetail } from '../src/events.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import type { FakeServer } from './fake-server.js';
import { $, captureNavigation, mount, next, text, useFakeKit } from './helpers.js';

describe('<pay-checkout> error paths', () => {
  const kit = useFakeKit();
  const saved = { ...timeouts };
  afterEach(() => {
    Object.assign(timeouts, saved);
  });

  const checkout = (attrs = 'method="card"') =>
    mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" ${attrs}></pay-checkout>`,
    );

  async function payAndFail(el: PayCheckout): Promise<ErrorDetail> {
    const error = next<ErrorDetail>(el, 'pay-checkout-error');
    await el.submit();
    const { detail } = await error;
    await el.updateComplete;
    expect(text($(el, '[part=error] p'))).to.equal(detail.message);
    expect(text($(el, '[part=status]'))).to.equal(detail.message); // announced politely
    return detail;
  }

  const cases: [string, FakeServer['sessionReplies'][number], ErrorDetail][] = [
    [
      'a network failure',
      'network-error',
      {
        code: 'network_error',
        message: 'We could not reach the payment service. Check your connection and try again.',
        retryable: true,
      },
    ],
    [
      'a 4xx with its code',
      { status: 400, body: { error: { code: 'invalid_request', message: 'bank: required' } } },
      { code: 'invalid_request', message: 'The payment details were not accepted.', retryable: false },
    ],
    [
      'an unknown 4xx code (from a newer kit), without showing the code',
      { status: 403, body: { error: { code: 'brand_new_refusal', message: 'nope' } } },
      {
        code: 'brand_new_refusal',
        message: 'The payment could not be started. Please contact the shop.',
        retryable: false,
      },
    ],
    [
      "the kit's idempotency_key_reused (422)",
      { status: 422, body: { error: { code: 'idempotency_key_reused', message: 'other body' } } },
      {
        code: 'idempotency_key_reused',
        message: 'This payment was already started with other details. Please start again.',
        retryable: false,
      },
    ],
    [
      'a code named like an Object.prototype member',
      { status: 400, body: { error: { code: 'constructor', message: 'odd' } } },
      {
        code: 'constructor',
        message: 'The payment could not be started. Please contact the shop.',
        retryable: false,
      },
    ],
    [
      'a 5xx',
      { status: 502, body: { error: { code: 'provider_error', message: 'upstream' } } },
      {
        code: 'provider_error',
        message: 'The payment service has a problem. Please try again in a moment.',
        retryable: true,
      },
    ],
    [
      'a 5xx without a JSON body',
      { status: 500, body: null },
      {
        code: 'http_500',
        message: 'The payment service has a problem. Please try again in a moment.',
        retryable: true,
      },
    ],
    [
      'a provider timeout (504)',
      { status: 504, body: { error: { code: 'provider_timeout', message: 'slow' } } },
      {
        code: 'provider_timeout',
        message: 'The payment service took too long to answer. Please try again.',
        retryable: true,
      },
    ],
    [
      'a concurrent attempt (409)',
      { status: 409, body: { error: { code: 'idempotency_in_progress', message: 'busy' } } },
      {
        code: 'idempotency_in_progress',
        message: 'This payment is already being processed. Please wait a moment and try again.',
        retryable: true,
      },
    ],
  ];
  for (const [name, reply, expected] of cases) {
    it(`shows a clear message for ${name}`, async () => {
      kit.server.sessionReplies.push(reply);
      const el = await checkout();
      expect(await payAndFail(el)).to.deep.equal(expected);
      expect(!!$(el, '[part=retry]')).to.equal(expected.retryable);
    });
  }

  it('gives up after the timeout and says so', async () => {
    timeouts.session = 30;
    kit.server.sessionReplies.push('hang');
    const el = await checkout();
    expect(await payAndFail(el)).to.deep.equal({
      code: 'timeout',
      message: 'The payment service took too long to answer. Please try again.',
      retryable: true,
    });
  });

  it('retries the same attempt with the same Idempotency-Key, and succeeds', async () => {
    kit.server.sessionReplies.push('network-error');
    const el = await checkout();
    const urls = captureNavigation(el);
    await payAndFail(el);
    $(el, '[part=retry]').click();
    await new Promise((resolve) => el.addEventListener('pay-checkout-redirect', resolve, { once: true }));
    const [first, retry] = kit.server.sessionRequests();
    expect(retry.headers.get('idempotency-key')).to.equal(first.headers.get('idempotency-key'));
    expect(retry.body).to.deep.equal(first.body);
    expect(urls).to.have.length(1);
    expect($(el, '[part=error]')).to.be.null;
  });

  it('gives a new attempt a new Idempotency-Key', async () => {
    kit.server.sessionReplies.push({
      status: 502,
      body: { error: { code: 'provider_error', message: 'x' } },
    });
    const el = await checkout('bank="de-fake"');
    captureNavigation(el);
    el.method = 'pis';
    await payAndFail(el);
    el.bank = 'de-volks'; // a different choice is a different attempt
    await el.submit();
    await el.updateComplete;
    const [first, second] = kit.server.sessionRequests();
    expect(second.headers.get('idempotency-key')).not.to.equal(first.headers.get('idempotency-key'));
    // after a successful attempt the element stays locked while redirecting; once reset, paying again
    // is a new attempt too
    await el.submit();
    expect(kit.server.sessionRequests()).to.have.length(2);
    el.reset();
    await el.submit();
    expect(kit.server.sessionRequests()[2].headers.get('idempotency-key')).not.to.equal(
      second.headers.get('idempotency-key'),
    );
  });

  it('does not follow a non-https redirect in live mode', async () => {
    kit.server.mode = 'live';
    kit.server.sessionReplies.push({
      status: 201,
      body: { sessionId: 's1', redirectUrl: 'http://bank.example/pay', status: 'pending' },
    });
    const el = await checkout();
    const urls = captureNavigation(el);
    const detail = await payAndFail(el);
    expect(detail.code).to.equal('unsafe_redirect');
    expect(urls).to.deep.equal([]);
  });

  it('never follows a javascript: redirect, even in sandbox mode', async () => {
    kit.server.sessionReplies.push({
      status: 201,
      body: { sessionId: 's1', redirectUrl: 'javascript:alert(1)', status: 'pending' },
    });
    const el = await checkout();
    const urls = captureNavigation(el);
    expect((await payAndFail(el)).code).to.equal('unsafe_redirect');
    expect(urls).to.deep.equal([]);
  });

  it('follows an http redirect when server-kit reports sandbox mode', async () => {
    kit.server.sessionReplies.push({
      status: 201,
      body: { sessionId: 's1', redirectUrl: 'http://localhost:3100/bank/login', status: 'pending' },
    });
    const el = await checkout();
    const urls = captureNavigation(el);
    await el.submit();
    expect(urls).to.deep.equal(['http://localhost:3100/bank/login']);
  });

  it('shows a failed options load with a retry that loads them', async () => {
    kit.server.optionsReply = { status: 503, body: { error: { code: 'unavailable', message: 'down' } } };
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>',
      'pay-checkout-error',
    );
    expect(text($(el, '[part=error] p'))).to.equal(
      'The payment service has a problem. Please try again in a moment.',
    );
    await expect(el).to.be.accessible();
    kit.server.optionsReply = undefined;
    const ready = next(el, 'pay-checkout-ready');
    $(el, '[part=retry]').click();
    await ready;
    await el.updateComplete;
    expect($(el, '[part=error]')).to.be.null;
    expect($(el, '[part=pay-button]')).to.exist;
  });

  it('says when the order offers no method it may show', async () => {
    kit.server.methods = ['applepay'];
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>',
      'pay-checkout-error',
    );
    expect(text($(el, '[part=error] p'))).to.equal('No payment method is available for this order.');
  });
});

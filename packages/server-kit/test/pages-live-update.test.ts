import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import type { SessionView } from '@pay-checkout/contract';
import { renderReturnPage } from '../src/pages/index.js';
import { LIVE_UPDATE_SCRIPT } from '../src/pages/live-update-script.js';

/**
 * Runs the return page's inline script against the page the server rendered, with a tiny stand-in for
 * the DOM, EventSource, fetch and setTimeout. The real browser run is in the e2e suite; this one pins
 * the logic: what is re-rendered, what is ignored, and the polling backoff.
 */

const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';

function view(overrides: Partial<SessionView> = {}): SessionView {
  return {
    sessionId: 'ses_live1',
    orderId: 'order-1',
    status: 'pending',
    amount: { value: 999, currency: 'EUR' },
    method: 'card',
    provider: 'connectpay',
    updatedAt: '2026-11-25T12:00:00.000Z',
    ...overrides,
  };
}

interface FakeNode {
  textContent: string;
  hidden: boolean;
  attributes: Record<string, string>;
  setAttribute(name: string, value: string): void;
}

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: { data?: string }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data?: unknown): void {
    const event = data === undefined ? {} : { data: JSON.stringify(data) };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** Builds the fake page from the rendered HTML: every element with an id becomes a node. */
function loadPage(initial: SessionView, answers: (() => { status: number; body?: unknown })[] = []) {
  const html = renderReturnPage({
    session: initial,
    locale: 'en',
    nonce: NONCE,
    basePath: '/pay',
    merchantReturnUrl: 'https://shop.example/back',
  });
  const nodes = new Map<string, FakeNode>();
  for (const match of html.matchAll(/<(\w+)([^>]*\bid="([^"]+)"[^>]*)>/g)) {
    const [tag, name, attrs, id] = match;
    const start = (match.index ?? 0) + tag.length;
    const inner = html.slice(start, html.indexOf(`</${name}>`, start));
    const attributes: Record<string, string> = {};
    nodes.set(id, {
      textContent: inner.replace(/<[^>]+>/g, ''),
      hidden: /\shidden\b/.test(attrs),
      attributes,
      setAttribute: (attribute, value) => {
        attributes[attribute] = value;
      },
    });
  }
  const document = { title: '', getElementById: (id: string) => nodes.get(id) ?? null };
  const timers: { delay: number; run: () => void }[] = [];
  const fetches: string[] = [];
  FakeEventSource.instances = [];
  const context = {
    document,
    EventSource: FakeEventSource,
    JSON,
    Math,
    setTimeout: (run: () => void, delay: number) => timers.push({ run, delay }),
    fetch: (url: string) => {
      fetches.push(url);
      const answer = answers.shift()?.() ?? { status: 503 };
      if (answer.status === 0) return Promise.reject(new TypeError('network down'));
      return Promise.resolve({
        status: answer.status,
        ok: answer.status >= 200 && answer.status < 300,
        json: () => Promise.resolve(answer.body),
      });
    },
  };
  runInNewContext(LIVE_UPDATE_SCRIPT, context);
  const text = (id: string) => nodes.get(id)?.textContent;
  const hidden = (id: string) => nodes.get(id)?.hidden;
  /** Runs the next timer, then lets the fetch promise chain settle. */
  const tick = async () => {
    const timer = timers.shift();
    assert.ok(timer, 'no timer pending');
    timer.run();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    document,
    text,
    hidden,
    card: () => nodes.get('status-card'),
    timers,
    fetches,
    tick,
    source: () => FakeEventSource.instances[0],
  };
}

describe('return page live update script', () => {
  it('subscribes to the session events under the base path', () => {
    const page = loadPage(view());
    assert.equal(FakeEventSource.instances.length, 1);
    assert.equal(page.source().url, '/pay/sessions/ses_live1/events');
  });

  it('re-renders heading, text and reason on a status event; Return to merchant is always there, with the pending line until final', () => {
    const page = loadPage(view());
    assert.equal(page.hidden('return-link'), false);
    assert.equal(page.hidden('pending-notice'), false);

    page.source().emit('status', view({ status: 'processing', reason: 'manual_review' }));
    assert.equal(page.text('status-heading'), 'Payment is being processed');
    assert.match(page.text('status-reason') ?? '', /reviewing your payment manually/);
    assert.equal(page.hidden('status-reason'), false);
    assert.equal(page.hidden('pending-notice'), false);
    assert.equal(page.document.title, 'Payment is being processed');

    page.source().emit('status', view({ status: 'failed', reason: 'insufficient_funds' }));
    assert.equal(page.text('status-heading'), 'Payment failed');
    assert.equal(page.text('status-reason'), 'Your bank declined the payment: insufficient funds.');
    assert.equal(page.hidden('return-link'), false);
    assert.equal(page.hidden('pending-notice'), true);
    assert.equal(page.hidden('status-progress'), true);
    assert.equal(page.card()?.attributes['data-status'], 'failed');
    assert.equal(page.source().closed, true, 'the stream is closed at a final status');
  });

  it('never moves backwards, and a final status is final', () => {
    const page = loadPage(view({ status: 'authorized' }));
    page.source().emit('status', view({ status: 'pending' }));
    assert.equal(page.text('status-heading'), 'Payment authorized');
    page.source().emit('status', view({ status: 'succeeded' }));
    page.source().emit('status', view({ status: 'failed', reason: 'declined' }));
    assert.equal(page.text('status-heading'), 'Payment successful');
    assert.equal(page.hidden('status-reason'), true);
  });

  it('ignores events for another session and malformed events', () => {
    const page = loadPage(view());
    page.source().emit('status', view({ sessionId: 'ses_other', status: 'succeeded' }));
    page.source().emit('status', { status: 'hacked' });
    page.source().listeners.get('status')?.[0]({ data: 'not json' });
    assert.equal(page.text('status-heading'), 'Waiting for your payment');
    assert.equal(page.hidden('pending-notice'), false);
  });

  it('on a stream error falls back to polling with backoff 1 s, 2 s, 4 s … capped at 30 s', async () => {
    const page = loadPage(view());
    page.source().emit('error');
    assert.equal(page.source().closed, true);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(page.timers[0].delay);
      await page.tick();
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.deepEqual(new Set(page.fetches), new Set(['/pay/sessions/ses_live1']));
    assert.equal(page.fetches.length, 8);
  });

  it('applies polled statuses and stops polling at a final one', async () => {
    const page = loadPage(view(), [
      () => ({ status: 0 }),
      () => ({ status: 200, body: view({ status: 'processing' }) }),
      () => ({ status: 200, body: view({ status: 'succeeded' }) }),
    ]);
    page.source().emit('error');
    await page.tick();
    assert.equal(page.text('status-heading'), 'Waiting for your payment', 'a network error keeps the page');
    await page.tick();
    assert.equal(page.text('status-heading'), 'Payment is being processed');
    await page.tick();
    assert.equal(page.text('status-heading'), 'Payment successful');
    assert.equal(page.hidden('return-link'), false);
    assert.equal(page.timers.length, 0, 'no further poll after a final status');
  });

  it('stops polling when the session is gone', async () => {
    const page = loadPage(view(), [() => ({ status: 404 })]);
    page.source().emit('error');
    await page.tick();
    assert.equal(page.timers.length, 0);
  });

  it('opens no stream when the status is already final', () => {
    const page = loadPage(view({ status: 'expired' }));
    assert.equal(FakeEventSource.instances.length, 0);
    assert.equal(page.timers.length, 0);
    assert.equal(page.hidden('return-link'), false);
  });
});

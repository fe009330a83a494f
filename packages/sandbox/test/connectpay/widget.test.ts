import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createPaymentBook } from '../../src/providers/connectpay/book.js';
import type { NewPayment } from '../../src/providers/connectpay/model.js';
import {
  CONFIRMATION_CODE,
  FAKE_BANK_ID,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  SIAULIU_BANK_ID,
  TEST_CARDS,
} from '../../src/providers/connectpay/test-data.js';
import { handleWidget } from '../../src/providers/connectpay/widget.js';

/**
 * The widget over real HTTP: a node:http server wrapping `handleWidget` with a book of our own, so the
 * pages are tested exactly as a browser (or Playwright) gets them, without the API in between.
 */
const book = createPaymentBook();
let server: Server;
let origin: string;
const BASE = '/connectpay';

before(async () => {
  server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      try {
        const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host}`);
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
        const request = new Request(url, {
          method: incoming.method,
          headers,
          body: hasBody ? new Uint8Array(Buffer.concat(chunks)).slice() : undefined,
        });
        const response =
          (await handleWidget(request, url, book, BASE)) ?? new Response('not mine', { status: 418 });
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          responseHeaders[name] = value;
        });
        outgoing.writeHead(response.status, responseHeaders);
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        outgoing.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => book.reset());

const REDIRECT_URL = 'https://shop.example/return?order=42&state=a b';

function create(overrides: Partial<NewPayment> = {}) {
  return book.create({
    kind: 'merchant',
    clientId: 'sandbox-client',
    allowedMethods: ['PIS', 'CARD', 'GooglePay', 'ApplePay'],
    language: 'EN',
    amount: '19.99',
    currency: 'EUR',
    merchantReference: 'order-42',
    generic: {},
    redirectUrl: REDIRECT_URL,
    knobs: { notificationDelayMs: 0, duplicateNotifications: false, reorderNotifications: false },
    ...overrides,
  });
}

async function page(key: string, query: Record<string, string> = {}) {
  const response = await fetch(`${origin}${BASE}/widget?${new URLSearchParams({ key, ...query })}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

async function post(action: string, fields: Record<string, string>) {
  const response = await fetch(`${origin}${BASE}/widget/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** Decodes the few entities our escaping produces, to compare attribute values with the original. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function returnLink(html: string): string | undefined {
  const match = /<a class="button wide" href="([^"]*)">Return to merchant<\/a>/.exec(html);
  return match ? decodeEntities(match[1]) : undefined;
}

const card = (number: string) => ({ number, expiry: '12/30', cvc: '123', name: 'Anna Example' });

function heading(html: string): string | undefined {
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
}

describe('ConnectPay widget: pages', () => {
  it('offers a method choice when several methods are allowed and none was chosen', async () => {
    const payment = create();
    const { status, html, headers } = await page(payment.key);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(html, /<html lang="en">/);
    assert.equal(heading(html), 'Choose how to pay');
    for (const method of ['PIS', 'CARD', 'GooglePay', 'ApplePay']) {
      assert.match(html, new RegExp(`<button type="submit" name="method" value="${method}"`));
    }
    assert.match(html, /ConnectPay · stage sandbox/);
    assert.match(html, /order-42/);
    assert.match(html, /€19\.99/);
    assert.match(html, /<button type="submit" class="danger"[^>]*>Cancel payment<\/button>/);
  });

  it('goes straight to the card form when only CARD is allowed, with labelled, autocompleting fields', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    const { html } = await page(payment.key);
    assert.equal(heading(html), 'Pay by card');
    for (const [name, token] of [
      ['number', 'cc-number'],
      ['expiry', 'cc-exp'],
      ['cvc', 'cc-csc'],
      ['name', 'cc-name'],
    ]) {
      assert.match(html, new RegExp(`<label for="field-${name}">`));
      assert.match(
        html,
        new RegExp(`<input id="field-${name}" name="${name}" type="text" autocomplete="${token}"`),
      );
    }
  });

  it('carries its own stylesheet, visible focus included, and no script at all', async () => {
    const { html } = await page(create().key);
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    assert.match(style, /input\[type="text"\]/);
    assert.match(style, /:focus-visible \{ outline: 3px solid/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('answers an unknown widget key with a 404 page', async () => {
    const { status, html } = await page('00000000-0000-0000-0000-000000000000');
    assert.equal(status, 404);
    assert.equal(heading(html), 'Payment not found');
  });

  it('bank search: "Fake" finds "Fake Bank with Client Keys" and only it', async () => {
    const payment = create({ allowedMethods: ['PIS'], providerCountryCode: 'DE' });
    const all = await page(payment.key);
    assert.equal(heading(all.html), 'Choose your bank');
    assert.match(all.html, /Deutsche Bank/);
    const { html } = await page(payment.key, { q: 'Fake', country: 'DE' });
    assert.match(
      html,
      new RegExp(`name="providerId" value="${FAKE_BANK_ID}"><span>Fake Bank with Client Keys</span>`),
    );
    assert.doesNotMatch(html, /Deutsche Bank/);
    assert.match(html, /1 bank found/);
    assert.match(html, /<option value="DE" selected>Germany<\/option>/);
    assert.match(html, /<input id="field-q" name="q" type="search" autocomplete="off" value="Fake"/);
  });

  it('bank search in another country lists that country’s banks', async () => {
    const payment = create({ allowedMethods: ['PIS'], providerCountryCode: 'DE' });
    const { html } = await page(payment.key, { country: 'LT', q: 'siauliu' });
    assert.match(html, new RegExp(`value="${SIAULIU_BANK_ID}"><span>Siauliu bankas</span>`));
    assert.doesNotMatch(html, new RegExp(`value="${FAKE_BANK_ID}"`));
  });
});

describe('ConnectPay widget: PIS journey with Fake Bank', () => {
  it('wrong credentials answer 422 with the error, and a retry with username / secret works; then the code', async () => {
    const payment = create({ allowedMethods: ['PIS', 'CARD'] });
    const stepUrl = `${origin}${BASE}/widget?key=${payment.key}`;

    const method = await post('method', { key: payment.key, method: 'PIS' });
    assert.equal(method.status, 303);
    assert.equal(method.location, stepUrl);

    assert.equal((await post('bank', { key: payment.key, providerId: FAKE_BANK_ID })).status, 303);
    assert.equal(heading((await page(payment.key)).html), 'Log in to Fake Bank with Client Keys');

    const wrong = await post('login', {
      key: payment.key,
      username: FAKE_BANK_USERNAME,
      password: 'hunter2',
    });
    assert.equal(wrong.status, 422);
    assert.match(
      wrong.html,
      /<p class="error" id="field-password-error" role="alert">The user ID or password is wrong/,
    );
    assert.match(
      wrong.html,
      /name="password" type="password"[^>]*aria-describedby="field-password-error" aria-invalid="true"/,
    );
    assert.match(wrong.html, /name="username" type="text" autocomplete="username" required value="username"/);
    assert.doesNotMatch(wrong.html, /hunter2/);
    assert.equal(wrong.html.match(/ autofocus/g)?.length, 1, 'focus goes to the field with the error, only');

    const right = await post('login', {
      key: payment.key,
      username: FAKE_BANK_USERNAME,
      password: FAKE_BANK_PASSWORD,
    });
    assert.equal(right.status, 303);
    assert.equal(book.byKey(payment.key)?.status, 'Pending');

    const wrongCode = await post('code', { key: payment.key, code: '654321' });
    assert.equal(wrongCode.status, 422);
    assert.match(wrongCode.html, /role="alert">The confirmation code is wrong/);

    assert.equal((await post('code', { key: payment.key, code: CONFIRMATION_CODE })).status, 303);
    const done = await page(payment.key);
    assert.equal(heading(done.html), 'Payment successful');
    assert.equal(returnLink(done.html), REDIRECT_URL);
    assert.equal(book.byKey(payment.key)?.status, 'Completed');
  });

  it('refuses a bank that does not exist with 422 on the search page', async () => {
    const payment = create({ allowedMethods: ['PIS'] });
    const result = await post('bank', { key: payment.key, providerId: 'not-a-bank' });
    assert.equal(result.status, 422);
    assert.match(result.html, /role="alert">Choose one of the banks shown/);
  });
});

describe('ConnectPay widget: cards', () => {
  it('4242…: the 3-D Secure challenge page, then success', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    assert.equal((await post('card', { key: payment.key, ...card(TEST_CARDS.visaChallenge) })).status, 303);
    const challenge = (await page(payment.key)).html;
    assert.equal(heading(challenge), 'Verify it’s you');
    assert.match(
      challenge,
      /<button type="submit" name="result" value="pass" autofocus>Complete authentication<\/button>/,
    );
    assert.match(
      challenge,
      /<button type="submit" name="result" value="fail" class="secondary">Fail authentication<\/button>/,
    );
    assert.match(challenge, /Visa card ending in 4242/);
    assert.equal((await post('3ds', { key: payment.key, result: 'pass' })).status, 303);
    assert.equal(heading((await page(payment.key)).html), 'Payment successful');
  });

  it('a failed challenge ends on "Authentication failed"', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    await post('card', { key: payment.key, ...card(TEST_CARDS.mastercardChallenge) });
    await post('3ds', { key: payment.key, result: 'fail' });
    const { html } = await page(payment.key);
    assert.equal(heading(html), 'Authentication failed');
    assert.equal(returnLink(html), REDIRECT_URL);
  });

  it('4485040371536584 is frictionless: straight to success', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    await post('card', { key: payment.key, ...card(TEST_CARDS.visaFrictionless) });
    assert.equal(heading((await page(payment.key)).html), 'Payment successful');
  });

  it('the two declines say why in plain words', async () => {
    const funds = create({ allowedMethods: ['CARD'] });
    await post('card', { key: funds.key, ...card(TEST_CARDS.insufficientFunds) });
    const fundsPage = (await page(funds.key)).html;
    assert.equal(heading(fundsPage), 'Payment declined');
    assert.match(fundsPage, /insufficient funds/);

    const stolen = create({ allowedMethods: ['CARD'] });
    await post('card', { key: stolen.key, ...card(TEST_CARDS.stolenCard) });
    assert.match((await page(stolen.key)).html, /the card was reported stolen/);
  });

  it('a number failing Luhn comes back 422, the error linked to the field, the number not echoed', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    const result = await post('card', { key: payment.key, ...card('4242424242424241') });
    assert.equal(result.status, 422);
    assert.match(result.html, /id="field-number-error" role="alert">The card number is not valid/);
    assert.match(result.html, /name="number"[^>]*aria-invalid="true" autofocus>/);
    assert.doesNotMatch(result.html, /4242424242424241/);
    assert.doesNotMatch(result.html, /value="123"/);
    assert.match(result.html, /name="name" type="text" autocomplete="cc-name" required value="Anna Example"/);
  });

  it('an expired card is refused with its own message', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    const result = await post('card', {
      key: payment.key,
      ...card(TEST_CARDS.visaChallenge),
      expiry: '01/20',
    });
    assert.equal(result.status, 422);
    assert.match(result.html, /id="field-expiry-error" role="alert">The card has expired/);
  });

  it('99.99 EUR ends under manual review', async () => {
    const payment = create({ allowedMethods: ['CARD'], amount: '99.99' });
    await post('card', { key: payment.key, ...card(TEST_CARDS.visaFrictionless) });
    const { html } = await page(payment.key);
    assert.equal(heading(html), 'Payment under manual review');
    assert.equal(book.byKey(payment.key)?.status, 'PendingProvider');
  });
});

describe('ConnectPay widget: wallets, cancel, final payments', () => {
  it('Google Pay: a simulated sheet with Pay and Cancel, then success', async () => {
    const payment = create({ allowedMethods: ['GooglePay'] });
    const sheet = (await page(payment.key)).html;
    assert.equal(heading(sheet), 'Google Pay');
    assert.match(sheet, /<button type="submit" class="wide pay" autofocus>Pay<\/button>/);
    assert.match(sheet, /Amount: <strong>€19\.99<\/strong>/);
    assert.match(sheet, />Cancel payment<\/button>/);
    assert.equal((await post('wallet', { key: payment.key })).status, 303);
    assert.equal(heading((await page(payment.key)).html), 'Payment successful');
  });

  it('Apple Pay gets its own sheet', async () => {
    const payment = create();
    await post('method', { key: payment.key, method: 'ApplePay' });
    const sheet = (await page(payment.key)).html;
    assert.equal(heading(sheet), 'Apple Pay');
    assert.match(sheet, /class="panel sheet applepay"/);
  });

  it('Cancel ends the payment; a second Cancel is answered 409 with the status page', async () => {
    const payment = create();
    assert.equal((await post('cancel', { key: payment.key })).status, 303);
    const cancelled = (await page(payment.key)).html;
    assert.equal(heading(cancelled), 'Payment cancelled');
    assert.equal(returnLink(cancelled), REDIRECT_URL);
    assert.equal(book.byKey(payment.key)?.status, 'Cancelled');

    const again = await post('cancel', { key: payment.key });
    assert.equal(again.status, 409);
    assert.match(again.html, /This payment is already finished/);
    assert.equal(returnLink(again.html), REDIRECT_URL);
  });

  it('a form for another step is answered 409 with a link to the current step', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    const result = await post('code', { key: payment.key, code: CONFIRMATION_CODE });
    assert.equal(result.status, 409);
    assert.match(result.html, new RegExp(`href="${BASE}/widget\\?key=${payment.key}">Continue</a>`));
  });

  it('the final page has no Cancel', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    await post('card', { key: payment.key, ...card(TEST_CARDS.visaFrictionless) });
    assert.doesNotMatch((await page(payment.key)).html, /Cancel payment/);
  });
});

describe('ConnectPay widget: languages', () => {
  it('renders German with ?lang=de and keeps the choice through a form post', async () => {
    const payment = create({ allowedMethods: ['PIS'], providerId: FAKE_BANK_ID });
    const { html } = await page(payment.key, { lang: 'de' });
    assert.match(html, /<html lang="de">/);
    assert.equal(heading(html), 'Bei Fake Bank with Client Keys anmelden');
    assert.match(html, /<label for="field-password">Passwort<\/label>/);
    assert.match(html, /<input type="hidden" name="lang" value="de">/);

    const wrong = await post('login', { key: payment.key, lang: 'de', username: 'x', password: 'y' });
    assert.match(wrong.html, /Benutzerkennung oder Passwort ist falsch/);
    const right = await post('login', {
      key: payment.key,
      lang: 'de',
      username: 'username',
      password: 'secret',
    });
    assert.equal(right.location, `${origin}${BASE}/widget?key=${payment.key}&lang=de`);
    assert.equal(heading((await fetch(right.location!).then((r) => r.text())) ?? ''), 'Zahlung bestätigen');
  });

  it('takes Lithuanian from the payment’s language when no ?lang= is given', async () => {
    const payment = create({ language: 'LT' });
    const { html } = await page(payment.key);
    assert.match(html, /<html lang="lt">/);
    assert.equal(heading(html), 'Pasirinkite mokėjimo būdą');
    assert.match(html, /19,99\s€/);
    await post('cancel', { key: payment.key });
    const done = (await page(payment.key)).html;
    assert.equal(heading(done), 'Mokėjimas atšauktas');
    assert.match(done, />Grįžti į parduotuvę<\/a>/);
  });

  it('?lang= wins over the payment’s language; unsupported languages fall back to English', async () => {
    const german = create({ language: 'DE' });
    assert.match((await page(german.key, { lang: 'lt' })).html, /<html lang="lt">/);
    const dutch = create({ language: 'NL' });
    assert.match((await page(dutch.key)).html, /<html lang="en">/);
  });

  it('the language switcher links every language, marking the current one', async () => {
    const payment = create();
    const { html } = await page(payment.key, { lang: 'de' });
    for (const [lang, name] of [
      ['en', 'English'],
      ['de', 'Deutsch'],
      ['lt', 'Lietuvių'],
    ]) {
      assert.match(
        html,
        new RegExp(
          `href="${BASE}/widget\\?key=${payment.key}&amp;lang=${lang}" lang="${lang}"[^>]*>${name}</a>`,
        ),
      );
    }
    assert.match(html, /hreflang="de" aria-current="true">Deutsch/);
  });
});

describe('ConnectPay widget: hostile input and malformed requests', () => {
  it('escapes a hostile merchant reference', async () => {
    const payment = create({ merchantReference: '<script>alert("x")</script>&\'' });
    const { html } = await page(payment.key);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;&#39;/);
  });

  it('never renders a non-http(s) redirectUrl as a link target', async () => {
    const payment = create({ redirectUrl: 'javascript:alert(1)' });
    await post('cancel', { key: payment.key });
    assert.equal(returnLink((await page(payment.key)).html), '#');
  });

  it('answers 400 to a form with a missing field, a wrong content type or an unknown 3-D Secure result', async () => {
    const payment = create({ allowedMethods: ['CARD'] });
    assert.equal((await post('card', { key: payment.key, number: TEST_CARDS.visaChallenge })).status, 400);
    const json = await fetch(`${origin}${BASE}/widget/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: payment.key }),
    });
    assert.equal(json.status, 400);
    await post('card', { key: payment.key, ...card(TEST_CARDS.visaChallenge) });
    assert.equal((await post('3ds', { key: payment.key, result: 'maybe' })).status, 400);
    assert.equal(book.byKey(payment.key)?.status, 'Pending');
  });

  it('answers 413 to a form over 16 KiB', async () => {
    const payment = create();
    const result = await post('cancel', { key: payment.key, padding: 'x'.repeat(17 * 1024) });
    assert.equal(result.status, 413);
    assert.equal(book.byKey(payment.key)?.status, 'Initiated');
  });

  it('answers 404 to a post with an unknown key and 405 to a GET of a form action', async () => {
    assert.equal((await post('cancel', { key: 'nope' })).status, 404);
    const get = await fetch(`${origin}${BASE}/widget/cancel`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
  });

  it('leaves paths outside the widget to other handlers', async () => {
    const response = await fetch(`${origin}${BASE}/merchant/payments`);
    assert.equal(response.status, 418);
    await response.body?.cancel();
  });

  it('sends no Referer to the merchant and forbids caching', async () => {
    const payment = create();
    const { headers, html } = await page(payment.key);
    assert.equal(headers.get('referrer-policy'), 'no-referrer');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.match(html, /<meta name="referrer" content="no-referrer">/);
  });
});

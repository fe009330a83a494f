import { expect } from '@open-wc/testing';
import '../src/pay-checkout.js';
// The contract's source, not its build: the element's tests run without building other packages first.
import { ERROR_CODE_INFO, ERROR_CODES } from '../../contract/src/error-codes.js';
import { errorMessageId } from '../src/error-messages.js';
import type { ErrorDetail } from '../src/events.js';
import { loadLocale } from '../src/locale.js';
import { type MessageId, SOURCE_MESSAGES } from '../src/messages.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { $, mount, next, text, until, useFakeKit } from './helpers.js';

/** What each language shows, by message id; the source locale is compiled in. */
async function messagesOf(language: string): Promise<Record<MessageId, string>> {
  if (language === 'en') return SOURCE_MESSAGES;
  return (await loadLocale(language)).templates as Record<MessageId, string>;
}

describe('<pay-checkout> error codes', () => {
  const kit = useFakeKit();

  for (const language of ['en', 'de', 'ar']) {
    describe(`in ${language}`, () => {
      for (const code of ERROR_CODES) {
        const { status, retryable, audience } = ERROR_CODE_INFO[code];

        it(`shows a translated message for ${code} (${status}), never the code`, async () => {
          const messages = await messagesOf(language);
          kit.server.sessionReplies.push({ status, body: { error: { code, message: `raw ${code}` } } });
          const el = await mount(
            `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="${language}" method="card"></pay-checkout>`,
          );
          await until(() => text($(el, 'legend')) === messages.methodLegend, `${language} loaded`);
          const error = next<ErrorDetail>(el, 'pay-checkout-error');
          await el.submit();
          const { detail } = await error;
          await el.updateComplete;

          const id = errorMessageId(code, status);
          const shown = text($(el, '[part=error] p'));
          expect(shown).to.equal(messages[id]);
          expect(detail).to.deep.equal({ code, message: shown, retryable });
          expect(shown).not.to.include(code);
          expect(shown).not.to.include('raw');
          if (language !== 'en') expect(shown).not.to.equal(SOURCE_MESSAGES[id]);
          // a shopper's code says what to do; only set-up and merchant codes share "contact the shop"
          if (audience === 'shopper') expect(id).not.to.equal('errorRequest');
          expect(!!$(el, '[part=retry]'), 'Retry offered').to.equal(retryable);
        });
      }
    });
  }
});

describe('<pay-checkout> order_already_paid', () => {
  const kit = useFakeKit();

  async function refusedWith(returnUrl: string): Promise<PayCheckout> {
    kit.server.sessionReplies.push({
      status: 409,
      body: { error: { code: 'order_already_paid', message: 'paid', returnUrl } },
    });
    const el = await mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="de" method="card"></pay-checkout>`,
    );
    await until(() => !!$(el, 'legend'), 'loaded');
    const error = next<ErrorDetail>(el, 'pay-checkout-error');
    await el.submit();
    await error;
    await el.updateComplete;
    return el;
  }

  it("shows the translated message as the link to the merchant's return URL", async () => {
    const el = await refusedWith('https://shop.example/orders/ord-1?session=s1');
    const link = $<HTMLAnchorElement>(el, '[part=return]');
    expect(link.getAttribute('href')).to.equal('https://shop.example/orders/ord-1?session=s1');
    expect(text(link)).to.equal((await messagesOf('de')).errorPaid);
    expect($(el, '[part=retry]')).to.equal(null);
  });

  it('links nothing that is not http(s)', async () => {
    const el = await refusedWith('javascript:alert(1)');
    expect($(el, '[part=return]')).to.equal(null);
    expect(text($(el, '[part=error] p'))).to.equal((await messagesOf('de')).errorPaid);
  });
});

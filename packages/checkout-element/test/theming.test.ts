import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/pay-checkout.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { $, mount, text, until, useFakeKit } from './helpers.js';

describe('<pay-checkout> theming and media', () => {
  const kit = useFakeKit();
  let sheet: CSSStyleSheet | undefined;
  afterEach(async () => {
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = undefined;
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' });
  });

  const checkout = () =>
    mount('<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>');
  const style = (el: PayCheckout, selector: string) => getComputedStyle($(el, selector));
  const pageCss = (css: string) => {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };

  it('takes colours, radius and spacing from --pay-checkout-* custom properties', async () => {
    pageCss(
      'pay-checkout { --pay-checkout-accent: rgb(200, 0, 100); --pay-checkout-radius: 3px; --pay-checkout-spacing: 20px; }',
    );
    const el = await checkout();
    expect(style(el, '[part=pay-button]').backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(style(el, '[part=pay-button]').borderTopLeftRadius).to.equal('3px');
    expect(style(el, '[part=base]').paddingTop).to.equal('20px');
  });

  it('lets the page style any part with ::part()', async () => {
    pageCss(
      'pay-checkout::part(pay-button) { text-transform: uppercase; } pay-checkout::part(amount) { color: rgb(1, 2, 3); }',
    );
    const el = await checkout();
    expect(style(el, '[part=pay-button]').textTransform).to.equal('uppercase');
    expect(style(el, '[part=amount]').color).to.equal('rgb(1, 2, 3)');
  });

  it('follows prefers-color-scheme, and is axe-clean in dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await checkout();
    expect(style(el, '[part=base]').backgroundColor).to.equal('rgb(31, 31, 31)');
    await expect(el).to.be.accessible();
  });

  it('uses the light scheme on a dark system when the page says color-scheme: light', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    pageCss('pay-checkout { color-scheme: light; }');
    const el = await checkout();
    expect(style(el, '[part=base]').backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('stops the skeleton animation when reduced motion is preferred', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    kit.server.optionsReply = 'hang';
    const el = document.createElement('pay-checkout');
    Object.assign(el, { endpoint: '/checkout', order: 'ord-1', language: 'en' });
    document.body.append(el);
    try {
      await until(() => el.shadowRoot?.querySelector('.skeleton span'), 'skeleton');
      expect(style(el, '.skeleton span').animationName).to.equal('none');
    } finally {
      el.remove();
    }
  });

  it('keeps the Pay button and selection visible in forced colors', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await checkout();
    expect(style(el, '[part=pay-button]').forcedColorAdjust).to.equal('none');
    expect(style(el, '.method:has(:checked)').outlineStyle).to.equal('solid');
  });

  it('shows a visible focus ring when reached with the keyboard', async () => {
    const el = await checkout();
    $(el, '#bank').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=pay-button]'));
    expect(style(el, '[part=pay-button]').outlineStyle).to.equal('solid');
    expect(style(el, '[part=pay-button]').outlineWidth).to.equal('2px');
  });

  it('translates error messages too', async () => {
    kit.server.sessionReplies.push('network-error');
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="de" method="card"></pay-checkout>',
    );
    await until(() => text($(el, 'legend')) === 'Zahlungsart', 'German');
    await el.submit();
    await el.updateComplete;
    expect(text($(el, '[part=error] p'))).to.equal(
      'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    );
    expect(text($(el, '[part=retry]'))).to.equal('Erneut versuchen');
  });
});

/**
 * A shopper for tests: walks the Connect page with plain form posts (no browser), as
 * `connectPayTestClient` does for ConnectPay's widget. Exported as `fintectureTestShopper`.
 */
import { FINTECTURE_TEST_BANK_ID } from './banks.js';
import { FINTECTURE_SCA_CODE, FINTECTURE_TEST_PASSWORD } from './test-data.js';

export interface FintectureShopperOutcome {
  /** Where "Return to merchant" leads: `redirect_uri?session_id=…&status=…&state=…`. */
  returnUrl: string;
}

export interface FintectureTestShopper {
  /** Chooses the bank (unless Connect pre-selected one), logs in with a test login, confirms the code. */
  pay(options?: { bank?: string; username?: string }): Promise<FintectureShopperOutcome>;
  /** Cancels at whatever step Connect is. */
  cancel(): Promise<FintectureShopperOutcome>;
}

export function fintectureTestShopper(connectUrl: string): FintectureTestShopper {
  const url = connectUrl.replace(/\?.*$/, '');
  async function post(action: string, fields: Record<string, string>): Promise<void> {
    const response = await fetch(`${url}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    await response.body?.cancel();
    if (response.status !== 303) throw new Error(`Connect ${action} answered ${response.status}`);
  }
  async function outcome(): Promise<FintectureShopperOutcome> {
    const html = await (await fetch(url)).text();
    const href = /<a class="button wide" href="([^"]+)"/.exec(html)?.[1];
    if (!href) throw new Error('Connect shows no outcome yet');
    return { returnUrl: href.replaceAll('&amp;', '&') };
  }
  return {
    async pay(options = {}) {
      const page = await (await fetch(url)).text();
      if (page.includes('name="provider"'))
        await post('bank', { provider: options.bank ?? FINTECTURE_TEST_BANK_ID });
      await post('login', { username: options.username ?? 'paid', password: FINTECTURE_TEST_PASSWORD });
      await post('code', { code: FINTECTURE_SCA_CODE });
      return outcome();
    },
    async cancel() {
      await post('cancel', {});
      return outcome();
    },
  };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { de } from '../../src/providers/connectpay/i18n/de.js';
import { en } from '../../src/providers/connectpay/i18n/en.js';
import { pickLanguage } from '../../src/providers/connectpay/i18n/index.js';
import { lt } from '../../src/providers/connectpay/i18n/lt.js';

/** Every string (and every string a message function returns) that is the same as in English. */
function untranslated(reference: object, other: object, path = ''): string[] {
  const same: string[] = [];
  for (const [name, value] of Object.entries(reference)) {
    const here = path ? `${path}.${name}` : name;
    const theirs = (other as Record<string, unknown>)[name];
    if (typeof value === 'function') {
      if (value('X', 'Y') === (theirs as (...args: string[]) => string)('X', 'Y')) same.push(here);
    } else if (typeof value === 'object' && value !== null) {
      same.push(...untranslated(value, theirs as object, here));
    } else if (value === theirs) {
      same.push(here);
    }
  }
  return same;
}

// Product names are not translated.
const NAMES = ['brand', 'methods.GooglePay', 'methods.ApplePay', 'walletTitle'];

describe('ConnectPay widget languages', () => {
  it('German translates every page string except product names', () => {
    assert.deepEqual(untranslated(en, de), NAMES);
  });

  it('Lithuanian translates every page string except product names', () => {
    assert.deepEqual(untranslated(en, lt), NAMES);
  });

  it('Lithuanian counts banks with the right noun form', () => {
    assert.deepEqual(
      [1, 2, 9, 10, 11, 12, 21, 22].map((count) => lt.bankResults(count)),
      [
        'Rastas 1 bankas',
        'Rasti 2 bankai',
        'Rasti 9 bankai',
        'Rasta 10 bankų',
        'Rasta 11 bankų',
        'Rasta 12 bankų',
        'Rastas 21 bankas',
        'Rasti 22 bankai',
      ],
    );
  });

  it('picks ?lang= first, then the payment’s language, then English', () => {
    assert.equal(pickLanguage('LT', 'DE'), 'lt');
    assert.equal(pickLanguage(null, 'DE'), 'de');
    assert.equal(pickLanguage('fr', 'SV'), 'en');
    assert.equal(pickLanguage(undefined), 'en');
  });
});

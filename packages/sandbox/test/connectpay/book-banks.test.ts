import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  banksOf,
  findBank,
  SANDBOX_BANK_COUNTRIES,
  SANDBOX_BANKS,
  searchBanks,
} from '../../src/providers/connectpay/banks.js';
import { FAKE_BANK_ID, SIAULIU_BANK_ID } from '../../src/providers/connectpay/test-data.js';
import { BANK_DIRECTORY, bankByBic } from '../../src/shared/banks/bank-directory.js';

describe('ConnectPay sandbox banks', () => {
  it('lists the two stage banks with their exact ids and names', () => {
    assert.deepEqual(
      [findBank(FAKE_BANK_ID)?.name, findBank(FAKE_BANK_ID)?.countryCode],
      ['Fake Bank with Client Keys', 'DE'],
    );
    assert.deepEqual(
      [findBank(SIAULIU_BANK_ID)?.name, findBank(SIAULIU_BANK_ID)?.countryCode],
      ['Siauliu bankas', 'LT'],
    );
  });

  it('has at least six banks in each country, with unique UUIDs', () => {
    for (const country of SANDBOX_BANK_COUNTRIES) {
      assert.ok(banksOf(country).length >= 6, `${country} has ${banksOf(country).length} banks`);
    }
    const ids = SANDBOX_BANKS.map((bank) => bank.providerId);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('offers every bank of the shared directory, with its BIC and country', () => {
    assert.equal(SANDBOX_BANKS.length, BANK_DIRECTORY.length);
    for (const bank of SANDBOX_BANKS) {
      const listed = bankByBic(bank.bic);
      assert.equal(listed?.id, bank.bankId, bank.name);
      assert.equal(listed?.country, bank.countryCode, bank.name);
    }
  });

  it('lists stage banks first in their country', () => {
    assert.equal(banksOf('de')[0].providerId, FAKE_BANK_ID);
    assert.equal(banksOf('LT')[0].providerId, SIAULIU_BANK_ID);
  });

  it('"Fake" finds "Fake Bank with Client Keys" in DE', () => {
    assert.deepEqual(
      searchBanks('DE', 'Fake').map((bank) => bank.name),
      ['Fake Bank with Client Keys'],
    );
  });

  it('searches case- and diacritic-insensitively, within the country', () => {
    assert.deepEqual(
      searchBanks('LT', 'ŠIAULIŲ').map((bank) => bank.providerId),
      [SIAULIU_BANK_ID],
    );
    assert.deepEqual(
      searchBanks('PL', 'slaski').map((bank) => bank.name),
      ['ING Bank Śląski'],
    );
    assert.deepEqual(
      searchBanks('FR', 'societe').map((bank) => bank.name),
      ['Société Générale'],
    );
    assert.deepEqual(searchBanks('LT', 'Fake'), []);
  });

  it('an empty query lists the whole country; no country searches everywhere', () => {
    assert.equal(searchBanks('NL', '  ').length, banksOf('NL').length);
    const swedbanks = searchBanks(undefined, 'swedbank').map((bank) => bank.countryCode);
    assert.deepEqual(swedbanks.sort(), ['EE', 'LT', 'LV']);
  });
});

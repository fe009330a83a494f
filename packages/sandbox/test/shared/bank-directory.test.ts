import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANK_COUNTRIES,
  BANK_DIRECTORY,
  bankByBic,
  directoryBank,
  directoryBanksIn,
  initialsOf,
} from '../../src/shared/banks/bank-directory.js';
import { matchBanks } from '../../src/shared/banks/bank-search.js';

describe('the shared bank directory', () => {
  it('gives every bank a BIC of its own country, in the ISO 9362 shape', () => {
    for (const bank of BANK_DIRECTORY) {
      assert.match(bank.bic, /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, bank.name);
      assert.equal(bank.bic.slice(4, 6), bank.country, `${bank.name} ${bank.bic}`);
    }
  });

  it('has unique ids and unique BICs, so a BIC names one bank', () => {
    const ids = BANK_DIRECTORY.map((bank) => bank.id);
    const bics = BANK_DIRECTORY.map((bank) => bank.bic);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(bics).size, bics.length);
    for (const bank of BANK_DIRECTORY)
      assert.match(bank.id, new RegExp(`^${bank.country.toLowerCase()}-[a-z0-9-]+$`));
  });

  it('lists at least six banks in every country, and no bank outside the listed countries', () => {
    for (const country of BANK_COUNTRIES) assert.ok(directoryBanksIn(country).length >= 6, country);
    assert.ok(BANK_DIRECTORY.every((bank) => (BANK_COUNTRIES as readonly string[]).includes(bank.country)));
  });

  it('finds a bank by id and by BIC, 8 or 11 characters, in any case', () => {
    assert.equal(directoryBank('de-deutsche-bank')?.bic, 'DEUTDEFF');
    assert.equal(bankByBic('DEUTDEFF')?.name, 'Deutsche Bank');
    assert.equal(bankByBic('deutdeffxxx')?.name, 'Deutsche Bank');
    assert.equal(bankByBic('DEUTDEFF500'), undefined);
    assert.equal(bankByBic('CBSBLT26')?.name, 'Šiaulių bankas');
  });

  it('marks the stage test bank and gives it a test BIC', () => {
    const fake = directoryBank('de-fake-bank');
    assert.equal(fake?.testBank, true);
    // ISO 9362: a 0 as the second character of the location code marks a test BIC.
    assert.equal(fake?.bic[7], '0');
    assert.ok(BANK_DIRECTORY.filter((bank) => bank.testBank).every((bank) => bank.bic[7] === '0'));
  });

  it('shows two initials where a logo would be', () => {
    assert.equal(initialsOf('Deutsche Bank'), 'DB');
    assert.equal(initialsOf('Deutsche Kreditbank (DKB)'), 'DK');
    assert.equal(initialsOf('Commerzbank'), 'CO');
    assert.equal(initialsOf('bunq'), 'BU');
  });

  it('searches names without case and diacritics, and BICs exactly', () => {
    assert.deepEqual(
      matchBanks(directoryBanksIn('PL'), 'slaski').map((bank) => bank.name),
      ['ING Bank Śląski'],
    );
    assert.deepEqual(
      matchBanks(BANK_DIRECTORY, 'rabonl2u').map((bank) => bank.name),
      ['Rabobank'],
    );
    assert.deepEqual(matchBanks(directoryBanksIn('NL'), 'RABONL'), []);
    assert.equal(matchBanks(directoryBanksIn('FI'), ' ').length, directoryBanksIn('FI').length);
  });
});

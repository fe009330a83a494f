/**
 * The banks of the Fintecture stage: the sandbox's shared bank directory (real banks with their BICs)
 * under Fintecture-style provider ids, plus the stage's own test bank. Fintecture's provider ids are
 * short lower-case codes (`bnpafr` in its webhook example); ours are the BIC's bank and country code
 * (its first six letters, lower case), or all eight letters where two banks share the first six (CIC
 * and Crédit Mutuel are both `CMCIFR…`). Which banks serve corporate PSUs is our choice (README).
 */
import {
  BANK_COUNTRIES,
  BANK_DIRECTORY,
  type DirectoryBank,
  initialsOf,
} from '../../shared/banks/bank-directory.js';
import { matchBanks } from '../../shared/banks/bank-search.js';
import type { PsuType } from './model.js';

export interface FintectureBank {
  /** Fintecture's provider id: `bnpafr`. */
  id: string;
  name: string;
  country: string;
  bic?: string;
  psuTypes: readonly PsuType[];
  /** Two letters shown where a logo would be. */
  initials: string;
  testBank?: boolean;
}

/** The stage's test bank: every country lists it, every test login works there. */
export const FINTECTURE_TEST_BANK_ID = 'fintecturebank';

/** Banks that also serve companies (PSU type `corporate`) on this stage. */
const CORPORATE_BICS = new Set([
  'BNPAFRPP',
  'SOGEFRPP',
  'AGRIFRPP',
  'CMCIFRPP',
  'DEUTDEFF',
  'COBADEFF',
  'BSCHESMM',
  'BBVAESMM',
  'INGBNL2A',
  'ABNANL2A',
]);

function providerIds(banks: readonly DirectoryBank[]): Map<string, string> {
  const short = (bank: DirectoryBank) => bank.bic.slice(0, 6).toLowerCase();
  const counts = new Map<string, number>();
  for (const bank of banks) counts.set(short(bank), (counts.get(short(bank)) ?? 0) + 1);
  return new Map(
    banks.map((bank) => [
      bank.id,
      (counts.get(short(bank)) ?? 0) > 1 ? bank.bic.slice(0, 8).toLowerCase() : short(bank),
    ]),
  );
}

const realBanks = BANK_DIRECTORY.filter((bank) => !bank.testBank);
const ids = providerIds(realBanks);

export const FINTECTURE_BANKS: readonly FintectureBank[] = Object.freeze(
  realBanks.map(
    (bank): FintectureBank => ({
      id: ids.get(bank.id) ?? bank.id,
      name: bank.name,
      country: bank.country,
      bic: bank.bic,
      psuTypes: CORPORATE_BICS.has(bank.bic) ? ['retail', 'corporate'] : ['retail'],
      initials: initialsOf(bank.name),
    }),
  ),
);

/** The test bank, listed in every country (it has no BIC: it is no real bank). */
function testBank(country: string): FintectureBank {
  return {
    id: FINTECTURE_TEST_BANK_ID,
    name: 'Fintecture Sandbox Bank',
    country,
    psuTypes: ['retail', 'corporate'],
    initials: 'FS',
    testBank: true,
  };
}

export const FINTECTURE_COUNTRIES: readonly string[] = BANK_COUNTRIES;

export function findFintectureBank(id: string, country = 'FR'): FintectureBank | undefined {
  if (id === FINTECTURE_TEST_BANK_ID) return testBank(country);
  return FINTECTURE_BANKS.find((bank) => bank.id === id);
}

/** The banks of a country for a PSU type whose name, id or BIC matches `query`; the test bank first. */
export function searchFintectureBanks(
  country: string,
  psuType: PsuType | undefined,
  query = '',
): FintectureBank[] {
  const code = country.toUpperCase();
  const ofCountry = [testBank(code), ...FINTECTURE_BANKS.filter((bank) => bank.country === code)].filter(
    (bank) => psuType === undefined || bank.psuTypes.includes(psuType),
  );
  return matchBanks(ofCountry, query);
}

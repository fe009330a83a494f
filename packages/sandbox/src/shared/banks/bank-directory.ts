/**
 * The banks every pay-by-bank (PIS) stage offers, by country: real banks with their public BICs, so
 * that bank search matters and a fallback provider can be matched to the same bank by BIC, plus the
 * providers' stage test banks. Each stage shows these under its own bank ids (ConnectPay: fixed UUIDs in
 * `providers/connectpay/banks.ts`); a stage without ids of its own posts the directory's `id`.
 *
 * Fake Bank with Client Keys is ConnectPay's stage bank and has no real BIC; its `FAKEDEF0` is ours,
 * with `0` as the second character of the location code, which ISO 9362 reserves for test BICs.
 */

/** One bank of the directory. */
export interface DirectoryBank {
  /** Our stable id, `{country}-{name}` in lower case (`de-deutsche-bank`). */
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** The bank's BIC (8 or 11 characters). */
  readonly bic: string;
  /** A test bank of a provider's stage rather than a real bank. */
  readonly testBank?: boolean;
  /** A logo URL; none of ours has one, so pages show `initialsOf(name)`. */
  readonly logo?: string;
}

/** Countries with listed banks, in the order the pages' country select shows them. */
export const BANK_COUNTRIES = ['DE', 'LT', 'LV', 'EE', 'FR', 'ES', 'IT', 'NL', 'PL', 'FI'] as const;

export const BANK_DIRECTORY: readonly DirectoryBank[] = Object.freeze([
  // DE
  { id: 'de-fake-bank', name: 'Fake Bank with Client Keys', country: 'DE', bic: 'FAKEDEF0', testBank: true },
  { id: 'de-deutsche-bank', name: 'Deutsche Bank', country: 'DE', bic: 'DEUTDEFF' },
  { id: 'de-commerzbank', name: 'Commerzbank', country: 'DE', bic: 'COBADEFF' },
  { id: 'de-berliner-sparkasse', name: 'Berliner Sparkasse', country: 'DE', bic: 'BELADEBE' },
  { id: 'de-deutsche-kreditbank-dkb', name: 'Deutsche Kreditbank (DKB)', country: 'DE', bic: 'BYLADEM1001' },
  { id: 'de-ing-deutschland', name: 'ING Deutschland', country: 'DE', bic: 'INGDDEFF' },
  { id: 'de-n26', name: 'N26', country: 'DE', bic: 'NTSBDEB1' },
  { id: 'de-postbank', name: 'Postbank', country: 'DE', bic: 'PBNKDEFF' },
  { id: 'de-hypovereinsbank-unicredit', name: 'HypoVereinsbank (UniCredit)', country: 'DE', bic: 'HYVEDEMM' },
  { id: 'de-comdirect', name: 'Comdirect', country: 'DE', bic: 'COBADEHD' },
  { id: 'de-targobank', name: 'Targobank', country: 'DE', bic: 'CMCIDEDD' },
  { id: 'de-berliner-volksbank', name: 'Berliner Volksbank', country: 'DE', bic: 'BEVODEBB' },
  { id: 'de-consorsbank', name: 'Consorsbank', country: 'DE', bic: 'CSDBDE71' },
  // LT
  { id: 'lt-siauliu-bankas', name: 'Šiaulių bankas', country: 'LT', bic: 'CBSBLT26' },
  { id: 'lt-swedbank-lietuva', name: 'Swedbank Lietuva', country: 'LT', bic: 'HABALT22' },
  { id: 'lt-seb-bankas', name: 'SEB bankas', country: 'LT', bic: 'CBVILT2X' },
  { id: 'lt-luminor-lietuva', name: 'Luminor Lietuva', country: 'LT', bic: 'AGBLLT2X' },
  { id: 'lt-revolut-bank-uab', name: 'Revolut Bank UAB', country: 'LT', bic: 'REVOLT21' },
  { id: 'lt-citadele-lietuva', name: 'Citadele Lietuva', country: 'LT', bic: 'INDULT2X' },
  { id: 'lt-medicinos-bankas', name: 'Medicinos bankas', country: 'LT', bic: 'MDBALT22' },
  { id: 'lt-paysera-lt', name: 'Paysera LT', country: 'LT', bic: 'EVIULT2V' },
  // LV
  { id: 'lv-swedbank-latvija', name: 'Swedbank Latvija', country: 'LV', bic: 'HABALV22' },
  { id: 'lv-seb-banka', name: 'SEB banka', country: 'LV', bic: 'UNLALV2X' },
  { id: 'lv-citadele-banka', name: 'Citadele banka', country: 'LV', bic: 'PARXLV22' },
  { id: 'lv-luminor-latvija', name: 'Luminor Latvija', country: 'LV', bic: 'RIKOLV2X' },
  { id: 'lv-rietumu-banka', name: 'Rietumu Banka', country: 'LV', bic: 'RTMBLV2X' },
  { id: 'lv-bluor-bank', name: 'BluOr Bank', country: 'LV', bic: 'CBBRLV22' },
  { id: 'lv-industra-bank', name: 'Industra Bank', country: 'LV', bic: 'MULTLV2X' },
  { id: 'lv-signet-bank', name: 'Signet Bank', country: 'LV', bic: 'LLBBLV2X' },
  // EE
  { id: 'ee-swedbank-eesti', name: 'Swedbank Eesti', country: 'EE', bic: 'HABAEE2X' },
  { id: 'ee-seb-pank', name: 'SEB Pank', country: 'EE', bic: 'EEUHEE2X' },
  { id: 'ee-lhv-pank', name: 'LHV Pank', country: 'EE', bic: 'LHVBEE22' },
  { id: 'ee-luminor-eesti', name: 'Luminor Eesti', country: 'EE', bic: 'NDEAEE2X' },
  { id: 'ee-coop-pank', name: 'Coop Pank', country: 'EE', bic: 'EKRDEE22' },
  { id: 'ee-bigbank', name: 'Bigbank', country: 'EE', bic: 'BIGKEE2B' },
  { id: 'ee-citadele-eesti', name: 'Citadele Eesti', country: 'EE', bic: 'PARXEE22' },
  // FR
  { id: 'fr-bnp-paribas', name: 'BNP Paribas', country: 'FR', bic: 'BNPAFRPP' },
  { id: 'fr-societe-generale', name: 'Société Générale', country: 'FR', bic: 'SOGEFRPP' },
  { id: 'fr-credit-agricole', name: 'Crédit Agricole', country: 'FR', bic: 'AGRIFRPP' },
  { id: 'fr-lcl', name: 'LCL', country: 'FR', bic: 'CRLYFRPP' },
  { id: 'fr-banque-populaire', name: 'Banque Populaire', country: 'FR', bic: 'CCBPFRPP' },
  { id: 'fr-caisse-d-epargne', name: "Caisse d'Epargne", country: 'FR', bic: 'CEPAFRPP' },
  { id: 'fr-la-banque-postale', name: 'La Banque Postale', country: 'FR', bic: 'PSSTFRPP' },
  { id: 'fr-boursorama-banque', name: 'Boursorama Banque', country: 'FR', bic: 'BOUSFRPP' },
  { id: 'fr-credit-mutuel', name: 'Crédit Mutuel', country: 'FR', bic: 'CMCIFR2A' },
  { id: 'fr-cic', name: 'CIC', country: 'FR', bic: 'CMCIFRPP' },
  // ES
  { id: 'es-banco-santander', name: 'Banco Santander', country: 'ES', bic: 'BSCHESMM' },
  { id: 'es-bbva', name: 'BBVA', country: 'ES', bic: 'BBVAESMM' },
  { id: 'es-caixabank', name: 'CaixaBank', country: 'ES', bic: 'CAIXESBB' },
  { id: 'es-banco-sabadell', name: 'Banco Sabadell', country: 'ES', bic: 'BSABESBB' },
  { id: 'es-bankinter', name: 'Bankinter', country: 'ES', bic: 'BKBKESMM' },
  { id: 'es-ing-espana', name: 'ING España', country: 'ES', bic: 'INGDESMM' },
  { id: 'es-unicaja-banco', name: 'Unicaja Banco', country: 'ES', bic: 'UCJAES2M' },
  { id: 'es-abanca', name: 'Abanca', country: 'ES', bic: 'CAGLESMM' },
  { id: 'es-kutxabank', name: 'Kutxabank', country: 'ES', bic: 'BASKES2B' },
  // IT
  { id: 'it-intesa-sanpaolo', name: 'Intesa Sanpaolo', country: 'IT', bic: 'BCITITMM' },
  { id: 'it-unicredit', name: 'UniCredit', country: 'IT', bic: 'UNCRITMM' },
  { id: 'it-banco-bpm', name: 'Banco BPM', country: 'IT', bic: 'BAPPIT21' },
  { id: 'it-monte-dei-paschi-di-siena', name: 'Monte dei Paschi di Siena', country: 'IT', bic: 'PASCITMM' },
  { id: 'it-bper-banca', name: 'BPER Banca', country: 'IT', bic: 'BPMOIT22' },
  { id: 'it-finecobank', name: 'FinecoBank', country: 'IT', bic: 'FEBIITM1' },
  { id: 'it-credit-agricole-italia', name: 'Crédit Agricole Italia', country: 'IT', bic: 'CRPPIT2P' },
  { id: 'it-banca-mediolanum', name: 'Banca Mediolanum', country: 'IT', bic: 'MEDBITMM' },
  // NL
  { id: 'nl-ing-bank', name: 'ING Bank', country: 'NL', bic: 'INGBNL2A' },
  { id: 'nl-abn-amro', name: 'ABN AMRO', country: 'NL', bic: 'ABNANL2A' },
  { id: 'nl-rabobank', name: 'Rabobank', country: 'NL', bic: 'RABONL2U' },
  { id: 'nl-sns-bank', name: 'SNS Bank', country: 'NL', bic: 'SNSBNL2A' },
  { id: 'nl-asn-bank', name: 'ASN Bank', country: 'NL', bic: 'ASNBNL21' },
  { id: 'nl-triodos-bank', name: 'Triodos Bank', country: 'NL', bic: 'TRIONL2U' },
  { id: 'nl-bunq', name: 'bunq', country: 'NL', bic: 'BUNQNL2A' },
  { id: 'nl-knab', name: 'Knab', country: 'NL', bic: 'KNABNL2H' },
  { id: 'nl-regiobank', name: 'RegioBank', country: 'NL', bic: 'RBRBNL21' },
  { id: 'nl-van-lanschot', name: 'Van Lanschot', country: 'NL', bic: 'FVLBNL22' },
  // PL
  { id: 'pl-pko-bank-polski', name: 'PKO Bank Polski', country: 'PL', bic: 'BPKOPLPW' },
  { id: 'pl-bank-pekao', name: 'Bank Pekao', country: 'PL', bic: 'PKOPPLPW' },
  { id: 'pl-santander-bank-polska', name: 'Santander Bank Polska', country: 'PL', bic: 'WBKPPLPP' },
  { id: 'pl-mbank', name: 'mBank', country: 'PL', bic: 'BREXPLPW' },
  { id: 'pl-ing-bank-slaski', name: 'ING Bank Śląski', country: 'PL', bic: 'INGBPLPW' },
  { id: 'pl-bnp-paribas-bank-polska', name: 'BNP Paribas Bank Polska', country: 'PL', bic: 'PPABPLPK' },
  { id: 'pl-bank-millennium', name: 'Bank Millennium', country: 'PL', bic: 'BIGBPLPW' },
  { id: 'pl-alior-bank', name: 'Alior Bank', country: 'PL', bic: 'ALBPPLPW' },
  {
    id: 'pl-credit-agricole-bank-polska',
    name: 'Credit Agricole Bank Polska',
    country: 'PL',
    bic: 'AGRIPLPR',
  },
  // FI
  { id: 'fi-nordea', name: 'Nordea', country: 'FI', bic: 'NDEAFIHH' },
  { id: 'fi-op-financial-group', name: 'OP Financial Group', country: 'FI', bic: 'OKOYFIHH' },
  { id: 'fi-danske-bank', name: 'Danske Bank', country: 'FI', bic: 'DABAFIHH' },
  { id: 'fi-s-pankki', name: 'S-Pankki', country: 'FI', bic: 'SBANFIHH' },
  { id: 'fi-aktia', name: 'Aktia', country: 'FI', bic: 'HELSFIHH' },
  { id: 'fi-handelsbanken', name: 'Handelsbanken', country: 'FI', bic: 'HANDFIHH' },
  { id: 'fi-alandsbanken', name: 'Ålandsbanken', country: 'FI', bic: 'AABAFI22' },
  { id: 'fi-saastopankki', name: 'Säästöpankki', country: 'FI', bic: 'ITELFIHH' },
  { id: 'fi-pop-pankki', name: 'POP Pankki', country: 'FI', bic: 'POPFFI22' },
]);

const byId = new Map(BANK_DIRECTORY.map((bank) => [bank.id, bank]));
const byBic = new Map(BANK_DIRECTORY.map((bank) => [bank.bic, bank]));

export function directoryBank(id: string): DirectoryBank | undefined {
  return byId.get(id);
}

/** The bank with this BIC; an 8-character BIC also finds its 11-character `XXX` head office form. */
export function bankByBic(bic: string): DirectoryBank | undefined {
  const normal = bic.trim().toUpperCase();
  return byBic.get(normal) ?? byBic.get(normal.endsWith('XXX') ? normal.slice(0, 8) : `${normal}XXX`);
}

/** The directory's banks of one country (any case), in directory order. */
export function directoryBanksIn(country: string): DirectoryBank[] {
  const code = country.toUpperCase();
  return BANK_DIRECTORY.filter((bank) => bank.country === code);
}

/** Two letters to show where a logo would be: "Deutsche Bank" → "DB", "Commerzbank" → "CO". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length >= 2 ? `${words[0][0]}${words[1][0]}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

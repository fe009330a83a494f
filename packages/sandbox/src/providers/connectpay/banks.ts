/**
 * The banks ("providers" in ConnectPay's words) the sandbox offers for PIS, by country. The two stage
 * banks carry the exact ids and names of ConnectPay's stage guide; the others are real banks of each
 * country, listed so that bank search matters. Their ids are fixed UUIDs of our own (they must not change
 * between runs: merchants preselect banks by id), their BICs the banks' public ones where known. All of
 * them accept any non-empty login and the code 123456; only Fake Bank insists on its test credentials.
 */
import type { SandboxBank } from './model.js';
import { FAKE_BANK_ID, FAKE_BANK_NAME, SIAULIU_BANK_ID, SIAULIU_BANK_NAME } from './test-data.js';

/** Countries with listed banks, in the order the widget's country select shows them. */
export const SANDBOX_BANK_COUNTRIES = ['DE', 'LT', 'LV', 'EE', 'FR', 'ES', 'IT', 'NL', 'PL', 'FI'] as const;

export const SANDBOX_BANKS: readonly SandboxBank[] = Object.freeze([
  // Stage banks: ids and names exactly as ConnectPay's stage guide gives them.
  { providerId: FAKE_BANK_ID, name: FAKE_BANK_NAME, countryCode: 'DE', stage: true },
  { providerId: SIAULIU_BANK_ID, name: SIAULIU_BANK_NAME, countryCode: 'LT', bic: 'CBSBLT26', stage: true },
  // DE
  {
    providerId: 'e3e6eac2-05b1-4f18-a882-db24c61aa695',
    name: 'Deutsche Bank',
    countryCode: 'DE',
    bic: 'DEUTDEFF',
  },
  {
    providerId: '2b4a4613-9f48-40d4-9f71-27f79a340974',
    name: 'Commerzbank',
    countryCode: 'DE',
    bic: 'COBADEFF',
  },
  {
    providerId: '25baa776-a76c-41f0-a0fa-01f8dba7409b',
    name: 'Berliner Sparkasse',
    countryCode: 'DE',
    bic: 'BELADEBE',
  },
  {
    providerId: '8c5edbf7-5dad-4ef0-8876-ea8567c2207c',
    name: 'Deutsche Kreditbank (DKB)',
    countryCode: 'DE',
    bic: 'BYLADEM1001',
  },
  {
    providerId: 'cf3208da-d453-4972-9830-87f63bc308b7',
    name: 'ING Deutschland',
    countryCode: 'DE',
    bic: 'INGDDEFF',
  },
  { providerId: 'af0219b7-9a88-4052-9f8f-4bb2f540e5ab', name: 'N26', countryCode: 'DE', bic: 'NTSBDEB1' },
  {
    providerId: '99365bfd-6c8a-4451-9228-bded0bad2e03',
    name: 'Postbank',
    countryCode: 'DE',
    bic: 'PBNKDEFF',
  },
  {
    providerId: 'afa184ec-1426-4852-8a7d-e2cbd115e086',
    name: 'HypoVereinsbank (UniCredit)',
    countryCode: 'DE',
    bic: 'HYVEDEMM',
  },
  {
    providerId: 'a21dc99c-406a-4172-afa0-0c3159734626',
    name: 'Comdirect',
    countryCode: 'DE',
    bic: 'COBADEHD',
  },
  {
    providerId: '1be9cfc0-aa82-4b5b-b290-f1eca645ebef',
    name: 'Targobank',
    countryCode: 'DE',
    bic: 'CMCIDEDD',
  },
  {
    providerId: 'f61b9629-b0c6-4e71-8768-9427d09844b2',
    name: 'Berliner Volksbank',
    countryCode: 'DE',
    bic: 'BEVODEBB',
  },
  {
    providerId: 'ef276c2a-14fb-4a34-951b-fa4eefde7809',
    name: 'Consorsbank',
    countryCode: 'DE',
    bic: 'CSDBDE71',
  },
  // LT
  {
    providerId: '9a30dba7-5ba4-4f42-950d-89f901417ecc',
    name: 'Swedbank Lietuva',
    countryCode: 'LT',
    bic: 'HABALT22',
  },
  {
    providerId: 'd855f761-884b-441d-b79b-9e7e6803eb75',
    name: 'SEB bankas',
    countryCode: 'LT',
    bic: 'CBVILT2X',
  },
  {
    providerId: '30ec8cef-7752-499a-b69b-c73cfb501cb0',
    name: 'Luminor Lietuva',
    countryCode: 'LT',
    bic: 'AGBLLT2X',
  },
  {
    providerId: 'c19c6d02-0481-43ee-9112-e2e84d9d7c74',
    name: 'Revolut Bank UAB',
    countryCode: 'LT',
    bic: 'REVOLT21',
  },
  {
    providerId: 'ff432ac2-6d2f-4024-86a3-f927c3b3ecbb',
    name: 'Citadele Lietuva',
    countryCode: 'LT',
    bic: 'INDULT2X',
  },
  {
    providerId: 'a808114d-a1d9-4ac5-bb1c-f51293d4f2b2',
    name: 'Medicinos bankas',
    countryCode: 'LT',
    bic: 'MDBALT22',
  },
  {
    providerId: '1d8fe59b-268d-4493-8ed3-83163a81ea79',
    name: 'Paysera LT',
    countryCode: 'LT',
    bic: 'EVIULT2V',
  },
  // LV
  {
    providerId: 'dd4f676c-0074-4e30-888c-492d94215495',
    name: 'Swedbank Latvija',
    countryCode: 'LV',
    bic: 'HABALV22',
  },
  {
    providerId: 'f565ecf4-7da1-4463-b0ea-0018515638e2',
    name: 'SEB banka',
    countryCode: 'LV',
    bic: 'UNLALV2X',
  },
  {
    providerId: '9e38ba7c-689d-4028-9a8e-3ee13b0aadd0',
    name: 'Citadele banka',
    countryCode: 'LV',
    bic: 'PARXLV22',
  },
  {
    providerId: '89fbd6f3-1933-43d2-bab3-1afb4ea96fcc',
    name: 'Luminor Latvija',
    countryCode: 'LV',
    bic: 'RIKOLV2X',
  },
  {
    providerId: '19a241ad-b1fd-4135-92c6-6df45501f069',
    name: 'Rietumu Banka',
    countryCode: 'LV',
    bic: 'RTMBLV2X',
  },
  {
    providerId: 'e57e7866-92ff-414a-90dc-0ad3f34fb7f4',
    name: 'BluOr Bank',
    countryCode: 'LV',
    bic: 'CBBRLV22',
  },
  {
    providerId: '781de057-3ee2-444d-908e-5677e179916d',
    name: 'Industra Bank',
    countryCode: 'LV',
    bic: 'MULTLV2X',
  },
  {
    providerId: '342ad88e-c763-44c9-95a4-1cf8c77df6fd',
    name: 'Signet Bank',
    countryCode: 'LV',
    bic: 'LLBBLV2X',
  },
  // EE
  {
    providerId: 'c54528fe-0e3c-4fbb-a4c5-821dd11f084b',
    name: 'Swedbank Eesti',
    countryCode: 'EE',
    bic: 'HABAEE2X',
  },
  {
    providerId: '5d5801a8-8a63-4095-b750-a2e39f2a5067',
    name: 'SEB Pank',
    countryCode: 'EE',
    bic: 'EEUHEE2X',
  },
  {
    providerId: '64f1ab03-45f3-4359-867e-cdd23395a295',
    name: 'LHV Pank',
    countryCode: 'EE',
    bic: 'LHVBEE22',
  },
  {
    providerId: '25220101-0a36-45db-9b77-053f0534b9bc',
    name: 'Luminor Eesti',
    countryCode: 'EE',
    bic: 'NDEAEE2X',
  },
  {
    providerId: '0d08a70a-96ce-475f-b09c-2a0a1e1a1b48',
    name: 'Coop Pank',
    countryCode: 'EE',
    bic: 'EKRDEE22',
  },
  { providerId: 'dff08f39-e64c-4650-849b-c145e31eddb4', name: 'Bigbank', countryCode: 'EE', bic: 'BIGKEE2B' },
  { providerId: '62590f4b-8ac1-46d3-8ed6-b235abc0c7ca', name: 'Inbank', countryCode: 'EE' },
  // FR
  {
    providerId: '5665d8ce-fae6-4860-98c7-fbe46f1288fb',
    name: 'BNP Paribas',
    countryCode: 'FR',
    bic: 'BNPAFRPP',
  },
  {
    providerId: '73d16104-b681-469d-83b3-6ed727edee29',
    name: 'Société Générale',
    countryCode: 'FR',
    bic: 'SOGEFRPP',
  },
  {
    providerId: '1f651740-4635-491c-9884-cfe0bd0e1eb7',
    name: 'Crédit Agricole',
    countryCode: 'FR',
    bic: 'AGRIFRPP',
  },
  { providerId: '98e4f712-6774-47aa-b381-5c0fa7360155', name: 'LCL', countryCode: 'FR', bic: 'CRLYFRPP' },
  {
    providerId: 'ba91c347-1cc2-4029-b160-f9dc40705409',
    name: 'Banque Populaire',
    countryCode: 'FR',
    bic: 'CCBPFRPP',
  },
  {
    providerId: '51ef399e-ab78-4467-bc82-1f2ec2962c5c',
    name: "Caisse d'Epargne",
    countryCode: 'FR',
    bic: 'CEPAFRPP',
  },
  {
    providerId: '8d3a7d70-a9d3-4814-939a-1e8fbaa1c962',
    name: 'La Banque Postale',
    countryCode: 'FR',
    bic: 'PSSTFRPP',
  },
  {
    providerId: '6873c75a-9731-45cb-94f8-e85dce0c089c',
    name: 'Boursorama Banque',
    countryCode: 'FR',
    bic: 'BOUSFRPP',
  },
  {
    providerId: 'd27efe8b-c2f3-4c36-88f9-fd0d48c7fe0d',
    name: 'Crédit Mutuel',
    countryCode: 'FR',
    bic: 'CMCIFR2A',
  },
  { providerId: '8f9ee5c3-ac7a-4e0d-9096-8765fe68b7a1', name: 'CIC', countryCode: 'FR', bic: 'CMCIFRPP' },
  // ES
  {
    providerId: '3d31d0b9-8b4c-4c1b-954d-389b3bb563d7',
    name: 'Banco Santander',
    countryCode: 'ES',
    bic: 'BSCHESMM',
  },
  { providerId: 'ff7fc25e-bc05-4911-99ca-2e5842da7964', name: 'BBVA', countryCode: 'ES', bic: 'BBVAESMM' },
  {
    providerId: 'ad7d9208-3ed3-447c-8684-4cb4a74d978e',
    name: 'CaixaBank',
    countryCode: 'ES',
    bic: 'CAIXESBB',
  },
  {
    providerId: 'bfc5c3fe-3752-4a9c-a562-d5435044c14b',
    name: 'Banco Sabadell',
    countryCode: 'ES',
    bic: 'BSABESBB',
  },
  {
    providerId: 'ebbe873e-b91c-4c50-b84b-23d8f09157a3',
    name: 'Bankinter',
    countryCode: 'ES',
    bic: 'BKBKESMM',
  },
  {
    providerId: '43fb3624-3595-4666-8def-b432c5c4a846',
    name: 'ING España',
    countryCode: 'ES',
    bic: 'INGDESMM',
  },
  {
    providerId: '9cfacc1d-d6aa-4ea4-a2e8-e9038de1b58a',
    name: 'Unicaja Banco',
    countryCode: 'ES',
    bic: 'UCJAES2M',
  },
  { providerId: '2fa8135c-82db-4120-b2fb-90b8e266b124', name: 'Abanca', countryCode: 'ES', bic: 'CAGLESMM' },
  {
    providerId: '76a0c603-98f7-4f20-86d0-96a46f9ad907',
    name: 'Kutxabank',
    countryCode: 'ES',
    bic: 'BASKES2B',
  },
  // IT
  {
    providerId: '6154830b-ab30-4474-b753-f2d0841fc8d3',
    name: 'Intesa Sanpaolo',
    countryCode: 'IT',
    bic: 'BCITITMM',
  },
  {
    providerId: 'c24b063d-059b-461a-9178-43191f055318',
    name: 'UniCredit',
    countryCode: 'IT',
    bic: 'UNCRITMM',
  },
  {
    providerId: '4dcdf419-9672-4f7c-96aa-0d0ac0a25c9b',
    name: 'Banco BPM',
    countryCode: 'IT',
    bic: 'BAPPIT21',
  },
  {
    providerId: '7be055ce-76a7-4336-9b16-f90a117faa9f',
    name: 'Monte dei Paschi di Siena',
    countryCode: 'IT',
    bic: 'PASCITMM',
  },
  {
    providerId: 'f898c4ae-ba5f-4746-ad30-6b0163558323',
    name: 'BPER Banca',
    countryCode: 'IT',
    bic: 'BPMOIT22',
  },
  {
    providerId: '5c19a3eb-67fb-4ccf-97c9-f3652f733645',
    name: 'FinecoBank',
    countryCode: 'IT',
    bic: 'FEBIITM1',
  },
  {
    providerId: 'cc9a90cd-737c-4b28-9781-0b793872a50b',
    name: 'Crédit Agricole Italia',
    countryCode: 'IT',
    bic: 'CRPPIT2P',
  },
  {
    providerId: 'b0a45612-7308-4a19-927f-05560865ea21',
    name: 'Banca Mediolanum',
    countryCode: 'IT',
    bic: 'MEDBITMM',
  },
  // NL
  {
    providerId: '5b2296a9-9782-459a-abde-c6220afc264b',
    name: 'ING Bank',
    countryCode: 'NL',
    bic: 'INGBNL2A',
  },
  {
    providerId: '30cf511c-701a-4852-a34e-ca7d63544cc3',
    name: 'ABN AMRO',
    countryCode: 'NL',
    bic: 'ABNANL2A',
  },
  {
    providerId: 'f14b8c9b-2d36-48d6-8828-663656118c64',
    name: 'Rabobank',
    countryCode: 'NL',
    bic: 'RABONL2U',
  },
  {
    providerId: '5fc0a06e-fdb7-4b09-939d-1bc7a8606781',
    name: 'SNS Bank',
    countryCode: 'NL',
    bic: 'SNSBNL2A',
  },
  {
    providerId: '8b164944-a528-4f16-8b3e-828a9943eba1',
    name: 'ASN Bank',
    countryCode: 'NL',
    bic: 'ASNBNL21',
  },
  {
    providerId: 'aa5b1e0d-209b-4061-85fc-da68b518a8f3',
    name: 'Triodos Bank',
    countryCode: 'NL',
    bic: 'TRIONL2U',
  },
  { providerId: '7220c27c-8e8d-4b76-bbe7-d89d19798fb1', name: 'bunq', countryCode: 'NL', bic: 'BUNQNL2A' },
  { providerId: '999cb440-4362-43d4-8a1e-4361b1e0d85a', name: 'Knab', countryCode: 'NL', bic: 'KNABNL2H' },
  {
    providerId: 'f982bb51-e89b-4b40-a234-b41852b7dff5',
    name: 'RegioBank',
    countryCode: 'NL',
    bic: 'RBRBNL21',
  },
  {
    providerId: '3a89077f-54f3-4ac0-8ba2-d7318e7ecb35',
    name: 'Van Lanschot',
    countryCode: 'NL',
    bic: 'FVLBNL22',
  },
  // PL
  {
    providerId: '7cd43f24-8782-4dfc-87a2-bfadb5792516',
    name: 'PKO Bank Polski',
    countryCode: 'PL',
    bic: 'BPKOPLPW',
  },
  {
    providerId: 'da39f922-dc60-4e30-ba2a-91dbd9d5a65c',
    name: 'Bank Pekao',
    countryCode: 'PL',
    bic: 'PKOPPLPW',
  },
  {
    providerId: 'c4319d69-186f-4429-9fc6-14b67c622782',
    name: 'Santander Bank Polska',
    countryCode: 'PL',
    bic: 'WBKPPLPP',
  },
  { providerId: '209fdfc3-0356-4d25-b9ac-d056ae20d8a2', name: 'mBank', countryCode: 'PL', bic: 'BREXPLPW' },
  {
    providerId: '81b36b7f-4abf-4c56-9d56-0364eb3fa109',
    name: 'ING Bank Śląski',
    countryCode: 'PL',
    bic: 'INGBPLPW',
  },
  {
    providerId: '39784ed9-14e5-4f03-918f-e5b59eba2741',
    name: 'BNP Paribas Bank Polska',
    countryCode: 'PL',
    bic: 'PPABPLPK',
  },
  {
    providerId: '9a1522b1-b2bc-49a2-ab3d-669e7798967a',
    name: 'Bank Millennium',
    countryCode: 'PL',
    bic: 'BIGBPLPW',
  },
  {
    providerId: '7f684613-98a9-49c7-b78f-77244c9d088e',
    name: 'Alior Bank',
    countryCode: 'PL',
    bic: 'ALBPPLPW',
  },
  {
    providerId: 'd1d4f142-562a-4bd5-a3d0-26224fcecf42',
    name: 'Credit Agricole Bank Polska',
    countryCode: 'PL',
    bic: 'AGRIPLPR',
  },
  // FI
  { providerId: '9a5894db-692f-49c7-a77e-b796262f88ce', name: 'Nordea', countryCode: 'FI', bic: 'NDEAFIHH' },
  {
    providerId: 'a8734a78-934d-44bb-b11f-b395bb110e3a',
    name: 'OP Financial Group',
    countryCode: 'FI',
    bic: 'OKOYFIHH',
  },
  {
    providerId: 'e25c1909-1fec-4db2-a6c3-cb2f76a1e986',
    name: 'Danske Bank',
    countryCode: 'FI',
    bic: 'DABAFIHH',
  },
  {
    providerId: 'ed3c714b-a944-43ea-bfed-6e9a43670059',
    name: 'S-Pankki',
    countryCode: 'FI',
    bic: 'SBANFIHH',
  },
  { providerId: 'f62539c5-20de-4ccd-8645-21d2ef240394', name: 'Aktia', countryCode: 'FI', bic: 'HELSFIHH' },
  {
    providerId: '4573c5cf-e5c4-422f-9711-b741b99900c8',
    name: 'Handelsbanken',
    countryCode: 'FI',
    bic: 'HANDFIHH',
  },
  {
    providerId: 'fb73704a-d387-43ad-84f2-a60cf79822c5',
    name: 'Ålandsbanken',
    countryCode: 'FI',
    bic: 'AABAFI22',
  },
  {
    providerId: 'fe867619-980e-44b0-987c-c9cb7fb0611d',
    name: 'Säästöpankki',
    countryCode: 'FI',
    bic: 'ITELFIHH',
  },
  {
    providerId: 'd754eab5-9946-4761-bb80-a863dda83e1e',
    name: 'POP Pankki',
    countryCode: 'FI',
    bic: 'POPFFI22',
  },
]);

const byId = new Map(SANDBOX_BANKS.map((bank) => [bank.providerId, bank]));

export function findBank(providerId: string): SandboxBank | undefined {
  return byId.get(providerId);
}

/** Banks of one country (ISO 3166-1 alpha-2, any case), stage banks first, then by name. */
export function banksOf(countryCode: string): SandboxBank[] {
  const country = countryCode.toUpperCase();
  return sortBanks(SANDBOX_BANKS.filter((bank) => bank.countryCode === country));
}

/**
 * Case- and diacritic-insensitive substring search, so that "siauliu" finds "Šiaulių" and "slaski"
 * finds "Śląski". An empty country searches every country; an empty query lists them all.
 */
export function searchBanks(countryCode: string | undefined, query: string): SandboxBank[] {
  const needle = foldForSearch(query.trim());
  const pool = countryCode ? banksOf(countryCode) : sortBanks([...SANDBOX_BANKS]);
  if (needle === '') return pool;
  return pool.filter(
    (bank) => foldForSearch(bank.name).includes(needle) || bank.bic?.toLowerCase() === needle,
  );
}

// Letters that Unicode does not decompose into base letter + mark, so NFD alone would keep them.
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', đ: 'd', œ: 'oe' };

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łßøæđœ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

function sortBanks(banks: SandboxBank[]): SandboxBank[] {
  return banks.sort(
    (a, b) => Number(b.stage ?? false) - Number(a.stage ?? false) || a.name.localeCompare(b.name),
  );
}

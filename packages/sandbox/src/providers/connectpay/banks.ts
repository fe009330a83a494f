/**
 * The banks ("providers" in ConnectPay's words) the ConnectPay stage offers for PIS: the shared bank
 * directory's banks under ConnectPay's provider ids. The two stage banks carry the exact ids and names
 * of ConnectPay's stage guide; the other ids are fixed UUIDs of our own (they must not change between
 * runs: merchants preselect banks by id). All of them accept any non-empty login and the code 123456;
 * only Fake Bank insists on its test credentials.
 */
import { BANK_COUNTRIES, directoryBank } from '../../shared/banks/bank-directory.js';
import { matchBanks } from '../../shared/banks/bank-search.js';
import type { SandboxBank } from './model.js';
import { FAKE_BANK_ID, FAKE_BANK_NAME, SIAULIU_BANK_ID, SIAULIU_BANK_NAME } from './test-data.js';

/** Countries with listed banks, in the order the widget's country select shows them. */
export const SANDBOX_BANK_COUNTRIES = BANK_COUNTRIES;

/** The stage guide's banks with a working front end, by provider id, with the guide's spelling. */
const STAGE_BANK_NAMES: Readonly<Record<string, string>> = {
  [FAKE_BANK_ID]: FAKE_BANK_NAME,
  [SIAULIU_BANK_ID]: SIAULIU_BANK_NAME,
};

/** Directory id → ConnectPay provider id. */
const PROVIDER_IDS: readonly (readonly [bankId: string, providerId: string])[] = [
  ['de-fake-bank', FAKE_BANK_ID],
  ['de-deutsche-bank', 'e3e6eac2-05b1-4f18-a882-db24c61aa695'],
  ['de-commerzbank', '2b4a4613-9f48-40d4-9f71-27f79a340974'],
  ['de-berliner-sparkasse', '25baa776-a76c-41f0-a0fa-01f8dba7409b'],
  ['de-deutsche-kreditbank-dkb', '8c5edbf7-5dad-4ef0-8876-ea8567c2207c'],
  ['de-ing-deutschland', 'cf3208da-d453-4972-9830-87f63bc308b7'],
  ['de-n26', 'af0219b7-9a88-4052-9f8f-4bb2f540e5ab'],
  ['de-postbank', '99365bfd-6c8a-4451-9228-bded0bad2e03'],
  ['de-hypovereinsbank-unicredit', 'afa184ec-1426-4852-8a7d-e2cbd115e086'],
  ['de-comdirect', 'a21dc99c-406a-4172-afa0-0c3159734626'],
  ['de-targobank', '1be9cfc0-aa82-4b5b-b290-f1eca645ebef'],
  ['de-berliner-volksbank', 'f61b9629-b0c6-4e71-8768-9427d09844b2'],
  ['de-consorsbank', 'ef276c2a-14fb-4a34-951b-fa4eefde7809'],
  ['lt-siauliu-bankas', SIAULIU_BANK_ID],
  ['lt-swedbank-lietuva', '9a30dba7-5ba4-4f42-950d-89f901417ecc'],
  ['lt-seb-bankas', 'd855f761-884b-441d-b79b-9e7e6803eb75'],
  ['lt-luminor-lietuva', '30ec8cef-7752-499a-b69b-c73cfb501cb0'],
  ['lt-revolut-bank-uab', 'c19c6d02-0481-43ee-9112-e2e84d9d7c74'],
  ['lt-citadele-lietuva', 'ff432ac2-6d2f-4024-86a3-f927c3b3ecbb'],
  ['lt-medicinos-bankas', 'a808114d-a1d9-4ac5-bb1c-f51293d4f2b2'],
  ['lt-paysera-lt', '1d8fe59b-268d-4493-8ed3-83163a81ea79'],
  ['lv-swedbank-latvija', 'dd4f676c-0074-4e30-888c-492d94215495'],
  ['lv-seb-banka', 'f565ecf4-7da1-4463-b0ea-0018515638e2'],
  ['lv-citadele-banka', '9e38ba7c-689d-4028-9a8e-3ee13b0aadd0'],
  ['lv-luminor-latvija', '89fbd6f3-1933-43d2-bab3-1afb4ea96fcc'],
  ['lv-rietumu-banka', '19a241ad-b1fd-4135-92c6-6df45501f069'],
  ['lv-bluor-bank', 'e57e7866-92ff-414a-90dc-0ad3f34fb7f4'],
  ['lv-industra-bank', '781de057-3ee2-444d-908e-5677e179916d'],
  ['lv-signet-bank', '342ad88e-c763-44c9-95a4-1cf8c77df6fd'],
  ['ee-swedbank-eesti', 'c54528fe-0e3c-4fbb-a4c5-821dd11f084b'],
  ['ee-seb-pank', '5d5801a8-8a63-4095-b750-a2e39f2a5067'],
  ['ee-lhv-pank', '64f1ab03-45f3-4359-867e-cdd23395a295'],
  ['ee-luminor-eesti', '25220101-0a36-45db-9b77-053f0534b9bc'],
  ['ee-coop-pank', '0d08a70a-96ce-475f-b09c-2a0a1e1a1b48'],
  ['ee-bigbank', 'dff08f39-e64c-4650-849b-c145e31eddb4'],
  ['ee-citadele-eesti', '67ca287e-61bf-4697-b523-b4fff72e45d9'],
  ['fr-bnp-paribas', '5665d8ce-fae6-4860-98c7-fbe46f1288fb'],
  ['fr-societe-generale', '73d16104-b681-469d-83b3-6ed727edee29'],
  ['fr-credit-agricole', '1f651740-4635-491c-9884-cfe0bd0e1eb7'],
  ['fr-lcl', '98e4f712-6774-47aa-b381-5c0fa7360155'],
  ['fr-banque-populaire', 'ba91c347-1cc2-4029-b160-f9dc40705409'],
  ['fr-caisse-d-epargne', '51ef399e-ab78-4467-bc82-1f2ec2962c5c'],
  ['fr-la-banque-postale', '8d3a7d70-a9d3-4814-939a-1e8fbaa1c962'],
  ['fr-boursorama-banque', '6873c75a-9731-45cb-94f8-e85dce0c089c'],
  ['fr-credit-mutuel', 'd27efe8b-c2f3-4c36-88f9-fd0d48c7fe0d'],
  ['fr-cic', '8f9ee5c3-ac7a-4e0d-9096-8765fe68b7a1'],
  ['es-banco-santander', '3d31d0b9-8b4c-4c1b-954d-389b3bb563d7'],
  ['es-bbva', 'ff7fc25e-bc05-4911-99ca-2e5842da7964'],
  ['es-caixabank', 'ad7d9208-3ed3-447c-8684-4cb4a74d978e'],
  ['es-banco-sabadell', 'bfc5c3fe-3752-4a9c-a562-d5435044c14b'],
  ['es-bankinter', 'ebbe873e-b91c-4c50-b84b-23d8f09157a3'],
  ['es-ing-espana', '43fb3624-3595-4666-8def-b432c5c4a846'],
  ['es-unicaja-banco', '9cfacc1d-d6aa-4ea4-a2e8-e9038de1b58a'],
  ['es-abanca', '2fa8135c-82db-4120-b2fb-90b8e266b124'],
  ['es-kutxabank', '76a0c603-98f7-4f20-86d0-96a46f9ad907'],
  ['it-intesa-sanpaolo', '6154830b-ab30-4474-b753-f2d0841fc8d3'],
  ['it-unicredit', 'c24b063d-059b-461a-9178-43191f055318'],
  ['it-banco-bpm', '4dcdf419-9672-4f7c-96aa-0d0ac0a25c9b'],
  ['it-monte-dei-paschi-di-siena', '7be055ce-76a7-4336-9b16-f90a117faa9f'],
  ['it-bper-banca', 'f898c4ae-ba5f-4746-ad30-6b0163558323'],
  ['it-finecobank', '5c19a3eb-67fb-4ccf-97c9-f3652f733645'],
  ['it-credit-agricole-italia', 'cc9a90cd-737c-4b28-9781-0b793872a50b'],
  ['it-banca-mediolanum', 'b0a45612-7308-4a19-927f-05560865ea21'],
  ['nl-ing-bank', '5b2296a9-9782-459a-abde-c6220afc264b'],
  ['nl-abn-amro', '30cf511c-701a-4852-a34e-ca7d63544cc3'],
  ['nl-rabobank', 'f14b8c9b-2d36-48d6-8828-663656118c64'],
  ['nl-sns-bank', '5fc0a06e-fdb7-4b09-939d-1bc7a8606781'],
  ['nl-asn-bank', '8b164944-a528-4f16-8b3e-828a9943eba1'],
  ['nl-triodos-bank', 'aa5b1e0d-209b-4061-85fc-da68b518a8f3'],
  ['nl-bunq', '7220c27c-8e8d-4b76-bbe7-d89d19798fb1'],
  ['nl-knab', '999cb440-4362-43d4-8a1e-4361b1e0d85a'],
  ['nl-regiobank', 'f982bb51-e89b-4b40-a234-b41852b7dff5'],
  ['nl-van-lanschot', '3a89077f-54f3-4ac0-8ba2-d7318e7ecb35'],
  ['pl-pko-bank-polski', '7cd43f24-8782-4dfc-87a2-bfadb5792516'],
  ['pl-bank-pekao', 'da39f922-dc60-4e30-ba2a-91dbd9d5a65c'],
  ['pl-santander-bank-polska', 'c4319d69-186f-4429-9fc6-14b67c622782'],
  ['pl-mbank', '209fdfc3-0356-4d25-b9ac-d056ae20d8a2'],
  ['pl-ing-bank-slaski', '81b36b7f-4abf-4c56-9d56-0364eb3fa109'],
  ['pl-bnp-paribas-bank-polska', '39784ed9-14e5-4f03-918f-e5b59eba2741'],
  ['pl-bank-millennium', '9a1522b1-b2bc-49a2-ab3d-669e7798967a'],
  ['pl-alior-bank', '7f684613-98a9-49c7-b78f-77244c9d088e'],
  ['pl-credit-agricole-bank-polska', 'd1d4f142-562a-4bd5-a3d0-26224fcecf42'],
  ['fi-nordea', '9a5894db-692f-49c7-a77e-b796262f88ce'],
  ['fi-op-financial-group', 'a8734a78-934d-44bb-b11f-b395bb110e3a'],
  ['fi-danske-bank', 'e25c1909-1fec-4db2-a6c3-cb2f76a1e986'],
  ['fi-s-pankki', 'ed3c714b-a944-43ea-bfed-6e9a43670059'],
  ['fi-aktia', 'f62539c5-20de-4ccd-8645-21d2ef240394'],
  ['fi-handelsbanken', '4573c5cf-e5c4-422f-9711-b741b99900c8'],
  ['fi-alandsbanken', 'fb73704a-d387-43ad-84f2-a60cf79822c5'],
  ['fi-saastopankki', 'fe867619-980e-44b0-987c-c9cb7fb0611d'],
  ['fi-pop-pankki', 'd754eab5-9946-4761-bb80-a863dda83e1e'],
];

export const SANDBOX_BANKS: readonly SandboxBank[] = Object.freeze(
  PROVIDER_IDS.map(([bankId, providerId]): SandboxBank => {
    const bank = directoryBank(bankId);
    if (!bank) throw new Error(`ConnectPay lists ${bankId}, which the bank directory does not have.`);
    const stageName = STAGE_BANK_NAMES[providerId];
    return {
      providerId,
      bankId,
      name: stageName ?? bank.name,
      countryCode: bank.country,
      bic: bank.bic,
      ...(stageName ? { stage: true } : {}),
    };
  }),
);

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
 * Case- and diacritic-insensitive substring search (or an exact BIC). An empty country searches every
 * country; an empty query lists them all.
 */
export function searchBanks(countryCode: string | undefined, query: string): SandboxBank[] {
  return matchBanks(countryCode ? banksOf(countryCode) : sortBanks([...SANDBOX_BANKS]), query);
}

function sortBanks(banks: SandboxBank[]): SandboxBank[] {
  return banks.sort(
    (a, b) => Number(b.stage ?? false) - Number(a.stage ?? false) || a.name.localeCompare(b.name),
  );
}

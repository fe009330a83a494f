/** docs/test-data.md: the sandbox banks a journey finds with the element's bank search. */
export interface TestBank {
  /** What the shopper types into the bank search. */
  search: string;
  /** The bank's name in the list the search shows. */
  name: string;
}

export const BANKS = {
  fake: { search: 'Fake', name: 'Fake Bank with Client Keys' },
  siauliu: { search: 'Siau', name: 'Siauliu bankas' },
} as const satisfies Record<string, TestBank>;

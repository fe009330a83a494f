/**
 * The shape of a stage's published test cards: which number leads to which 3-D Secure flow and which
 * outcome. Each stage keeps its own table (its provider publishes its own numbers); the lookup is shared.
 * Numbers the table does not list follow the stage's default rule (usually: challenge, then success).
 */
export type ThreeDsFlow = 'challenge' | 'frictionless' | 'none';

export interface TestCard<Decline extends string = string, Scope extends string = string> {
  /** Digits only. */
  number: string;
  /** What the card stands for, as the provider's test-data page says it. */
  description: string;
  /** The 3-D Secure flow before the outcome. */
  threeDs: ThreeDsFlow;
  /** Absent: approved; otherwise the decline reason the stage reports. */
  decline?: Decline;
  /** The card behaves so only in this kind of payment (e.g. a ConnectPay top-up); absent: in every one. */
  only?: Scope;
}

/** The row for `digits` that applies to a payment of `scope`, if any. */
export function findTestCard<Row extends TestCard>(
  table: readonly Row[],
  digits: string,
  scope?: string,
): Row | undefined {
  return table.find((card) => card.number === digits && (card.only === undefined || card.only === scope));
}

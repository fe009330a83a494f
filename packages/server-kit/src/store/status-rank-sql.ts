import { FINAL_STATUSES, SESSION_STATUSES, statusRank } from '@pay-checkout/contract';

/**
 * The contract's status rank (`statusRank` in @pay-checkout/contract) as SQL, generated from the
 * contract's one list so the database never holds a second, hand-written copy. A compare-and-set
 * transition is then one UPDATE: `pay_checkout_status_rank(status) < pay_checkout_status_rank($to)`.
 */

/** Name of the SQL function; the sessions table's CHECK and the due-polls index use it. */
export const STATUS_RANK_FUNCTION = 'pay_checkout_status_rank';

/** The rank every final status shares (the contract's top rank): nothing moves out of it. */
export const FINAL_RANK: number = finalRank();

function finalRank(): number {
  const ranks = new Set(FINAL_STATUSES.map((status) => statusRank(status)));
  const top = Math.max(...SESSION_STATUSES.map((status) => statusRank(status)));
  // The SQL below compares against one number; a contract where finals differ needs another design.
  if (ranks.size !== 1 || !ranks.has(top)) {
    throw new Error('The contract must rank every final status alike, above every other status.');
  }
  return top;
}

/**
 * The body of the function: a CASE over every status of the contract. Unknown words rank NULL, which
 * compares false, so they never move anything (and fail the sessions table's CHECK).
 */
export function statusRankFunctionBody(): string {
  const arms = SESSION_STATUSES.map((status) => `WHEN '${status}' THEN ${statusRank(status)}`).join(' ');
  return ` SELECT CASE status ${arms} END `;
}

/** The statement that creates (or replaces) the function with the contract's current ranks. */
export function statusRankFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION ${STATUS_RANK_FUNCTION}(status text) RETURNS integer
         LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$${statusRankFunctionBody()}$$`;
}

/** SQL that is true when the status in `column` is not final (the poller's and the CAS's condition). */
export function notFinal(column: string): string {
  return `${STATUS_RANK_FUNCTION}(${column}) < ${FINAL_RANK}`;
}

/** SQL that is true when the status in `expression` is final. */
export function isFinal(expression: string): string {
  return `${STATUS_RANK_FUNCTION}(${expression}) = ${FINAL_RANK}`;
}

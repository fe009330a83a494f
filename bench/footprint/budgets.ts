import type { StoreFigures } from './run.js';

/** One budget line of the footprint benchmark (issue 14 "Footprint"). */
export interface FootprintBudget {
  name: string;
  value: number;
  budget: string;
  pass: boolean;
}

/** The budgets: RSS idle ≤ 250 MB on PGlite, ≤ 120 MB on PostgreSQL; first answer ≤ 2 s. */
export const BUDGETS = { pgliteIdleMb: 250, postgresIdleMb: 120, firstAnswerMs: 2000 } as const;

export function footprintBudgets(
  pglite: StoreFigures | undefined,
  postgres: StoreFigures | undefined,
): FootprintBudget[] {
  const lines: FootprintBudget[] = [];
  const atMost = (name: string, value: number, limit: number, unit: string) =>
    lines.push({ name: `${name} (${unit})`, value, budget: `≤ ${limit}`, pass: value <= limit });
  if (pglite) {
    atMost('PGlite: RSS idle', pglite.median.rssIdleMb, BUDGETS.pgliteIdleMb, 'MB');
    atMost('PGlite: start → first answer', pglite.median.firstHealthMs, BUDGETS.firstAnswerMs, 'ms');
  }
  if (postgres) {
    atMost('PostgreSQL: RSS idle', postgres.median.rssIdleMb, BUDGETS.postgresIdleMb, 'MB');
    atMost('PostgreSQL: start → first answer', postgres.median.firstHealthMs, BUDGETS.firstAnswerMs, 'ms');
  }
  return lines;
}

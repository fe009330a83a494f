/** The server budgets (server-kit issue, Performance; BENCH brief). */
export const BUDGETS = {
  /** kit p95 − direct p95 when opening a session at concurrency 1. */
  overheadP95Ms: 10,
  /** Sessions opened through the kit per second at concurrency 64 (2-core machine). */
  sessionsPerSecondC64: 500,
  /** Notification reached the kit → SSE `status` event read by the client, p95. */
  notificationToSseP95Ms: 50,
} as const;

/** One row of the printed table and of `results.json#server.budgets`. */
export interface BudgetCheck {
  name: string;
  value: number;
  budget: string;
  pass: boolean;
}

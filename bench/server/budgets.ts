/**
 * The server budgets (issue 14, "Throughput and overhead": the reliability work must not cost speed).
 * Both session budgets are judged against the direct sandbox figures of the same run, so a busier or
 * quieter machine moves both sides alike.
 */
export const BUDGETS = {
  /** kit p95 − direct p95 when opening a session at concurrency 1. */
  overheadP95Ms: 5,
  /** Sessions/s through the kit at concurrency 64 as a share of the direct sandbox rate, same run. */
  kitShareOfDirectC64: 0.4,
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

/** One printed row: metric, measured value, budget (blank when the row is information only), verdict. */
export interface TableRow {
  metric: string;
  value: string;
  budget?: string;
  /** undefined → no verdict (an information row). */
  pass?: boolean;
}

export function printTable(title: string, rows: readonly TableRow[]): void {
  console.log(`\n${title}\n`);
  console.log(`${'metric'.padEnd(52)}${'value'.padStart(14)}${'budget'.padStart(12)}  result`);
  for (const row of rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? 'PASS' : 'MISS';
    console.log(
      `${row.metric.padEnd(52)}${row.value.padStart(14)}${(row.budget ?? '').padStart(12)}  ${verdict}`,
    );
  }
}

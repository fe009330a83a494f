// Renders the table of docs/error-codes.md from ERROR_CODE_INFO, so the page cannot drift from the
// list: error-codes.test.ts compares the page with this rendering. After changing a code, rewrite the
// page with `npx tsx --conditions=source test/error-codes-doc.ts` (from packages/contract).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CODE_INFO, ERROR_CODES } from '../src/index.js';

export const DOC_PATH = fileURLToPath(new URL('../../../docs/error-codes.md', import.meta.url));
export const TABLE_START = '<!-- error-codes:start (generated from packages/contract/src/error-codes.ts) -->';
export const TABLE_END = '<!-- error-codes:end -->';

/** The markdown table: one row per code, in the order of `ERROR_CODES`, columns padded to align. */
export function renderErrorCodeTable(): string {
  const rows = [
    ['code', 'status', 'retryable', 'audience', 'when'],
    ...ERROR_CODES.map((code) => {
      const info = ERROR_CODE_INFO[code];
      return [`\`${code}\``, String(info.status), info.retryable ? 'yes' : 'no', info.audience, info.when];
    }),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  // The status column is right-aligned (`-----:`), as Markdown formatters lay it out.
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (i === 1 ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The part of the page between the markers (the table), or undefined when a marker is missing. */
export function tableInDoc(doc: string): string | undefined {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + TABLE_START.length, end).trim();
}

// Run directly: rewrite the table in place, keeping the prose around it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(DOC_PATH, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${DOC_PATH} lacks the table markers`);
  const table = renderErrorCodeTable();
  writeFileSync(DOC_PATH, `${doc.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${doc.slice(end)}`);
  console.log(`wrote ${ERROR_CODES.length} codes to ${DOC_PATH}`);
}

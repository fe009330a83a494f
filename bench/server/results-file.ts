import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `bench/results.json`: each benchmark owns one top-level key and read-modify-writes only that. */
export const RESULTS_FILE = fileURLToPath(new URL('../results.json', import.meta.url));

export function readResults(): Record<string, unknown> {
  return existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
}

export function writeResultsKey(key: string, value: unknown): void {
  const results = readResults();
  results[key] = value;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

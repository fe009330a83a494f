import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `bench/results.json`: each benchmark owns one top-level key and read-modify-writes only that. */
export const RESULTS_FILE = fileURLToPath(new URL('../results.json', import.meta.url));

/** The repository's own Biome (a root devDependency), which `npm run lint` checks results.json with. */
const BIOME = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));

export function readResults(): Record<string, unknown> {
  return existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
}

export function writeResultsKey(key: string, value: unknown): void {
  const results = readResults();
  results[key] = value;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  formatAsBiome();
}

/**
 * `JSON.stringify` puts every array element on its own line, where Biome keeps a short array on one:
 * without this, a bench run (bench:load's figures hold such arrays) leaves a file `biome check` refuses.
 * Skipped when Biome is not installed (a production-only install); the figures are written either way.
 */
function formatAsBiome(): void {
  if (!existsSync(BIOME)) return;
  const run = spawnSync(BIOME, ['format', '--write', RESULTS_FILE], { encoding: 'utf8' });
  if (run.status !== 0) console.warn(`biome could not format ${RESULTS_FILE}: ${run.stderr.trim()}`);
}

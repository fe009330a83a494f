/**
 * Writes docs/openapi.json from the contract's zod schemas (`npm run openapi -w @pay-checkout/contract`),
 * formatted as Biome formats it so `npm run lint` stays quiet. test/openapi.test.ts fails when the
 * file and `buildOpenApiDocument()` drift: run this after changing a schema or a route.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const target = `${root}docs/openapi.json`;
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', target], { cwd: root, stdio: 'inherit' });
console.log(`wrote ${target}`);

// The consumer test (tests/consumer/README.md): packs every published workspace package, installs the
// tarballs into a new project outside the repository, the way a merchant installs them from npm, then
// runs `tests/consumer/*.test.ts` against that project (env CONSUMER_DIR). `npm test` runs it
// (scripts/test.sh); alone: `npx tsx tests/consumer/setup.ts` after `npm run build`.
// CONSUMER_DIR already set: the setup is skipped and the checks run against that project.
// CONSUMER_KEEP=1: the project is left in place (its path is printed) for a closer look.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface Manifest {
  name: string;
  private?: boolean;
  workspaces?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** The root's workspaces (plain paths, or `dir/*`), those that are not private: what npm would publish. */
export function publishedWorkspaces(): string[] {
  const dirs = (readManifest(root).workspaces ?? []).flatMap((entry) => {
    if (!entry.endsWith('/*')) return [entry];
    const parent = entry.slice(0, -2);
    return readdirSync(path.join(root, parent)).map((name) => `${parent}/${name}`);
  });
  return dirs.filter(
    (dir) => existsSync(path.join(root, dir, 'package.json')) && !readManifest(path.join(root, dir)).private,
  );
}

/** npm's environment from `npm test` (workspace, package fields) must not leak into the project's npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(config_workspace|package_|lifecycle_)/i.test(key)),
  );
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

async function createProject(): Promise<string> {
  const workspaces = publishedWorkspaces();
  // npm pack packs what is built; a stale or missing dist would test nothing.
  for (const dir of workspaces) {
    if (!existsSync(path.join(root, dir, 'dist')))
      throw new Error(`${dir}/dist is missing: run \`npm run build\` first.`);
  }
  const project = await mkdtemp(path.join(os.tmpdir(), 'pay-checkout-consumer-'));
  await cp(path.join(here, 'project'), project, { recursive: true });
  const tarballs = path.join(project, 'tarballs');
  await mkdir(tarballs);
  const packed = JSON.parse(
    run(
      'npm',
      [
        'pack',
        '--json',
        '--silent',
        '--pack-destination',
        tarballs,
        ...workspaces.flatMap((dir) => ['-w', dir]),
      ],
      root,
    ),
  ) as { name: string; filename: string }[];

  const manifest = readManifest(project);
  manifest.dependencies = Object.fromEntries(
    // npm names scoped tarballs `scope-name-version.tgz`; `filename` is that name.
    packed.map((entry) => [entry.name, `file:tarballs/${path.basename(entry.filename)}`]),
  );
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Tarballs are extracted into node_modules (a `file:` tarball is copied, never linked); the registry's
  // packages come from npm's cache when it is warm.
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
  return project;
}

async function main(): Promise<number> {
  const started = performance.now();
  const given = process.env.CONSUMER_DIR;
  let project: string;
  try {
    project = given ?? (await createProject());
  } catch (error) {
    // Reported as a failed test, so scripts/test.sh counts it.
    console.error(error);
    console.log('ℹ pass 0\nℹ fail 1');
    return 1;
  }
  console.log(`consumer project: ${project} (set up in ${Math.round(performance.now() - started)} ms)`);
  const files = (await readdir(here)).filter((name) => name.endsWith('.test.ts')).sort();
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.map((name) => path.join(here, name))],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CONSUMER_DIR: project } },
  );
  if (!given && process.env.CONSUMER_KEEP !== '1') await rm(project, { recursive: true, force: true });
  return result.status ?? 1;
}

process.exitCode = await main();

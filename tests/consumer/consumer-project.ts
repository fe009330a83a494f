// What the checks share: the installed project (env CONSUMER_DIR, see README.md) and a way to run its tools.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectDir = (): string => {
  const dir = process.env.CONSUMER_DIR;
  if (!dir) throw new Error('CONSUMER_DIR is not set: run these checks through tests/consumer/setup.ts');
  return dir;
};

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` (a tool's JS entry, a script) in `cwd`, to completion, without a shell. */
export function runNode(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? projectDir(),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A tool installed in the project, by its package's own entry (no `.bin` shell shim). */
export const tool = (relative: string): string => path.join(projectDir(), 'node_modules', relative);

/** The `RESULT {json}` line a project script prints after its logs. */
export function resultOf(run: RunResult): Record<string, unknown> {
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

/** esbuild from the project, synchronously (it takes milliseconds). Its bin may be the native binary. */
export function esbuild(args: string[]): void {
  const result = spawnSync(tool('.bin/esbuild'), [...args, '--log-level=error'], {
    cwd: projectDir(),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`esbuild ${args.join(' ')}:\n${result.stderr}`);
}

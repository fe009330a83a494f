import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KIT_PROCESS = fileURLToPath(new URL('./kit-process.ts', import.meta.url));

export interface SpawnedKit {
  child: ChildProcess;
  base: string;
  /** Resolves with the exit code (or the signal's name) once the process exited. */
  exited: Promise<number | string>;
}

/** Starts helpers/kit-process.ts with `env` (its options) and waits for its READY line. */
export async function spawnKitProcess(env: Record<string, string>): Promise<SpawnedKit> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', KIT_PROCESS], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`kit process exited early (${code})`)));
  });
  return { child, base, exited };
}

/** `POST sessions` as the element sends it. */
export function postSession(base: string, order: string, key: string): Promise<Response> {
  return fetch(`${base}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: 'https://shop.test' },
    body: JSON.stringify({ order, method: 'card' }),
  });
}

/**
 * `pay-sandbox [--port 3100] [--host 127.0.0.1] [--providers connectpay,…]`: runs the sandbox until
 * SIGINT / SIGTERM and prints each stage's URL. Port: `--port`, else `PORT`, else 3100.
 */
import { isStageKind, STAGE_KINDS } from './providers/stages.js';
import { startSandbox } from './server.js';
import { listStages } from './stage-index.js';

interface CliOptions {
  port: number;
  host: string;
  /** Absent: every registered stage. */
  providers?: string[];
}

/** Reads `--port N` / `--port=N` / `--host H` / `--providers a,b` and `PORT`; throws a usage message on bad input. */
function parseCliOptions(argv: string[], env: Record<string, string | undefined>): CliOptions {
  let portText = env.PORT;
  let host = '127.0.0.1';
  let providers: string[] | undefined;
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift()!;
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const value = (): string => {
      const next = equals > 0 ? arg.slice(equals + 1) : args.shift();
      if (next === undefined) throw new Error(`${name} needs a value.`);
      return next;
    };
    if (name === '--port' || name === '-p') portText = value();
    else if (name === '--host') host = value();
    else if (name === '--providers')
      providers = value()
        .split(',')
        .map((kind) => kind.trim())
        .filter(Boolean);
    else if (name === '--help' || name === '-h') throw new Error(USAGE);
    else throw new Error(`Unknown option ${name}.\n${USAGE}`);
  }
  const port = portText === undefined || portText === '' ? 3100 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${portText}.`);
  const unknown = providers?.filter((kind) => !isStageKind(kind)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown provider ${unknown.join(', ')}.\n${USAGE}`);
  return { port, host, ...(providers ? { providers } : {}) };
}

const USAGE = `Usage: pay-sandbox [--port 3100] [--host 127.0.0.1] [--providers ${STAGE_KINDS.join(',')}]   (port also from PORT)`;

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const sandbox = await startSandbox(options);
  const stop = (signal: string): void => {
    console.log(`pay-sandbox: ${signal}, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('pay-sandbox: failed to stop cleanly', error);
        process.exit(1);
      },
    );
  };
  // Handlers first, then the URL: whoever reads the URL may signal at once.
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // One line per stage first: scripts wait for "<Title> stage on <url>".
  for (const stage of listStages(sandbox.url, sandbox.stages)) {
    console.log(`pay-sandbox: ${stage.title} stage on ${stage.url}`);
    console.log(
      `pay-sandbox: ${stage.title} admin API on ${stage.adminUrl} (knobs, payments, notifications)`,
    );
  }
  console.log(`pay-sandbox: every stage is listed at ${sandbox.url}/`);
}

main().catch((error: unknown) => {
  console.error('pay-sandbox: failed to start', error);
  process.exit(1);
});

/**
 * `pay-sandbox [--port 3100] [--host 127.0.0.1]`: runs the sandbox until SIGINT / SIGTERM.
 * Port: `--port`, else `PORT`, else 3100.
 */
import { startSandbox } from './server.js';

interface CliOptions {
  port: number;
  host: string;
}

/** Reads `--port N` / `--port=N` / `--host H` and the `PORT` variable; throws a usage message on bad input. */
function parseCliOptions(argv: string[], env: Record<string, string | undefined>): CliOptions {
  let portText = env.PORT;
  let host = '127.0.0.1';
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
    else if (name === '--help' || name === '-h') throw new Error(USAGE);
    else throw new Error(`Unknown option ${name}.\n${USAGE}`);
  }
  const port = portText === undefined || portText === '' ? 3100 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${portText}.`);
  return { port, host };
}

const USAGE = 'Usage: pay-sandbox [--port 3100] [--host 127.0.0.1]   (port also from PORT)';

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
  console.log(`pay-sandbox: ConnectPay stage on ${sandbox.connectPayUrl}`);
  console.log(`pay-sandbox: admin API on ${sandbox.connectPayUrl}/admin (knobs, payments, notifications)`);
}

main().catch((error: unknown) => {
  console.error('pay-sandbox: failed to start', error);
  process.exit(1);
});

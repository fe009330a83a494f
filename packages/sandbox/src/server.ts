import type { ConnectPayStage } from './providers/connectpay/index.js';
import { isStageKind, STAGE_KINDS, STAGES, type StageKind, type StageOf } from './providers/stages.js';
import { NotFoundError } from './shared/http/errors.js';
import { listen, type SandboxLog } from './shared/http/node-server.js';
import { errorResponse } from './shared/http/responses.js';
import { consoleLog, createProviderRegistry, type ProviderStage } from './shared/stage.js';
import { stageIndexResponse } from './stage-index.js';

export interface SandboxOptions {
  /** TCP port; `0` picks a free one (tests). Default `0`. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (the sandbox is a local test tool). */
  host?: string;
  /**
   * The stages to start, by kind (`['connectpay']`); default: every registered stage
   * (`providers/stages.ts`). An unknown kind throws before anything listens.
   */
  providers?: readonly string[];
  /** Notification retry base delay in ms (default 200, doubled per attempt); tests shorten it. */
  notificationRetryBaseMs?: number;
  /** Logs unexpected handler errors; default `console.error`. Pass `() => {}` to silence. */
  log?: SandboxLog;
}

export interface RunningSandbox {
  /** Root URL, e.g. `http://127.0.0.1:3100`. Each stage is under `${url}/{kind}`; `GET ${url}/` lists them. */
  readonly url: string;
  readonly port: number;
  /** The started stages, in registry order. */
  readonly stages: readonly ProviderStage[];
  /** A started stage's base URL, `${url}/{kind}`; throws for a kind that is not running. */
  urlOf(kind: string): string;
  /** A started stage by kind, typed (`stage('connectpay').book`); throws for a kind that is not running. */
  stage<Kind extends StageKind>(kind: Kind): StageOf<Kind>;
  /** `urlOf('connectpay')`: the base URL a ConnectPay client is configured with. */
  readonly connectPayUrl: string;
  /** `stage('connectpay')`: the ConnectPay stage (its payment book), for in-process tests that look inside. */
  readonly connectPay: ConnectPayStage;
  /** Stops listening, cancels notification timers and latency sleeps, drops open connections. */
  close(): Promise<void>;
}

/** Starts the sandbox HTTP server with the provider stages mounted under their prefixes. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? consoleLog;
  const kinds = selectKinds(options.providers);
  const stages = STAGES.filter((entry) => kinds.includes(entry.kind)).map((entry) =>
    entry.create({
      prefix: `/${entry.kind}`,
      notificationRetryBaseMs: options.notificationRetryBaseMs,
      log,
    }),
  );
  const registry = createProviderRegistry(stages);

  async function handle(request: Request, url: URL): Promise<Response> {
    if (url.pathname === '/' || url.pathname === '') return stageIndexResponse(request, url, registry.stages);
    const stage = registry.find(url.pathname);
    const response = stage ? await stage.handle(request, url) : undefined;
    return response ?? errorResponse(new NotFoundError('not_found', `Nothing at ${url.pathname}.`));
  }

  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen(handle, { port: options.port ?? 0, host, log });
  } catch (error) {
    await registry.close();
    throw error;
  }
  const find = (kind: string): ProviderStage => {
    const stage = stages.find((candidate) => candidate.kind === kind);
    if (!stage) {
      throw new Error(
        `The ${kind} stage is not running in this sandbox (started: ${stages.map((s) => s.kind).join(', ') || 'none'}).`,
      );
    }
    return stage;
  };
  const urlOf = (kind: string): string => `${server.url}${find(kind).prefix}`;
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    stages,
    urlOf,
    stage: <Kind extends StageKind>(kind: Kind) => find(kind) as StageOf<Kind>,
    // Getters, so that a sandbox started without ConnectPay fails only where ConnectPay is asked for.
    get connectPayUrl() {
      return urlOf('connectpay');
    },
    get connectPay() {
      return find('connectpay') as ConnectPayStage;
    },
    close: () => {
      closing ??= (async () => {
        await registry.close();
        await server.close();
      })();
      return closing;
    },
  };
}

function selectKinds(requested: readonly string[] | undefined): readonly StageKind[] {
  if (requested === undefined) return STAGE_KINDS;
  const unknown = requested.filter((kind) => !isStageKind(kind));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown sandbox provider ${unknown.join(', ')}; the sandbox plays ${STAGE_KINDS.join(', ')}.`,
    );
  }
  return requested.filter(isStageKind);
}

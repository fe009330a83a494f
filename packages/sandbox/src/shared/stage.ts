/**
 * What every provider stage is to the server: a fetch-style handler under its own path prefix
 * (`/connectpay`, …) that answers a request, or returns `undefined` when the path is not one of its own.
 * Stages are listed once, in `providers/stages.ts`; the server mounts each at `/{kind}`.
 */
import type { SandboxLog } from './http/node-server.js';

export type FetchHandler = (request: Request, url: URL) => Promise<Response | undefined>;

export interface ProviderStage {
  /** The provider kind, also the path prefix without the slash: `connectpay`. */
  readonly kind: string;
  /** The provider's name for people: `ConnectPay`. */
  readonly title: string;
  /** Absolute path prefix, e.g. `/connectpay`. */
  readonly prefix: string;
  /** Where its admin API lives, relative to the prefix (`/admin`); every stage has one. */
  readonly adminPath: string;
  readonly handle: FetchHandler;
  /** Stops timers (notification retries, latency sleeps) so that the process can exit. */
  close(): Promise<void>;
}

/** What the server hands every stage's factory. */
export interface StageOptions {
  /** Absolute path prefix; the server passes `/{kind}`. */
  prefix: string;
  /** Notification retry base delay in ms (default 200, doubled per attempt); tests shorten it. */
  notificationRetryBaseMs?: number;
  /** Random source for the error-rate knob and retry jitter (tests may fix it). */
  random?: () => number;
  log?: SandboxLog;
}

export interface ProviderRegistry {
  readonly stages: readonly ProviderStage[];
  /** The stage whose prefix owns `pathname`, if any. */
  find(pathname: string): ProviderStage | undefined;
  close(): Promise<void>;
}

export function createProviderRegistry(stages: readonly ProviderStage[]): ProviderRegistry {
  return {
    stages,
    find: (pathname) =>
      stages.find((stage) => pathname === stage.prefix || pathname.startsWith(`${stage.prefix}/`)),
    close: async () => {
      await Promise.all(stages.map((stage) => stage.close()));
    },
  };
}

/** `console.error`, the default log of every stage and of the server. */
export const consoleLog: SandboxLog = (message, error) => console.error(message, error ?? '');

/**
 * Each provider the sandbox plays lives under its own path prefix (`/connectpay`, …). A provider is a
 * fetch-style handler: it answers a request, or returns `undefined` when the path is not one of its own.
 */
export type FetchHandler = (request: Request, url: URL) => Promise<Response | undefined>;

export interface ProviderStage {
  /** Short name, also the path prefix without the slash: `connectpay`. */
  readonly name: string;
  /** Absolute path prefix, e.g. `/connectpay`. */
  readonly prefix: string;
  readonly handle: FetchHandler;
  /** Stops timers (notification retries, latency sleeps) so that the process can exit. */
  close(): Promise<void>;
}

export interface ProviderRegistry {
  readonly stages: readonly ProviderStage[];
  /** The stage whose prefix owns `pathname`, if any. */
  find(pathname: string): ProviderStage | undefined;
  close(): Promise<void>;
}

export function createProviderRegistry(stages: ProviderStage[]): ProviderRegistry {
  return {
    stages,
    find: (pathname) =>
      stages.find((stage) => pathname === stage.prefix || pathname.startsWith(`${stage.prefix}/`)),
    close: async () => {
      await Promise.all(stages.map((stage) => stage.close()));
    },
  };
}

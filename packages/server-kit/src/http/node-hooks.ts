import type { Logger } from 'pino';

/**
 * What `toNodeHandler` needs from a checkout beyond `fetch`, for requests that cannot become a fetch
 * `Request` at all (a `TRACE`, a malformed `Host`): the methods a path allows, for `405 Allow`, and the
 * logger, so even those answers are logged. Kept off the public `Checkout` type: fetch-style runtimes
 * never hand such requests over.
 */
export interface NodeHooks {
  allowedMethods(pathname: string): string[];
  log: Logger;
}

const hooks = new WeakMap<object, NodeHooks>();

export function registerNodeHooks(checkout: object, value: NodeHooks): void {
  hooks.set(checkout, value);
}

export function nodeHooksOf(checkout: object): NodeHooks | undefined {
  return hooks.get(checkout);
}

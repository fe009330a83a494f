import { metrics } from './metrics.js';

export type ProviderCallOutcome = 'ok' | 'client_error' | 'server_error' | 'timeout' | 'unreachable';

/**
 * Records one provider HTTP attempt (providers/http/provider-client.ts). The operation is the method
 * and the path with id-like segments (any digit, or over 24 characters) replaced by `:id`, so a label
 * set per payment never appears.
 */
export function recordProviderCall(
  provider: string,
  method: string,
  pathname: string,
  outcome: ProviderCallOutcome,
  seconds: number,
): void {
  metrics.providerCalls.observe(
    { provider: provider.toLowerCase(), operation: `${method} ${operationPath(pathname)}`, outcome },
    seconds,
  );
}

/** The outcome of an answered attempt, from its HTTP status. */
export function answeredOutcome(status: number): ProviderCallOutcome {
  if (status >= 200 && status <= 399) return 'ok';
  return status < 500 ? 'client_error' : 'server_error';
}

export function operationPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
    .join('/');
}

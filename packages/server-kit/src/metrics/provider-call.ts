import { metrics } from './metrics.js';

export type ProviderCallOutcome = 'ok' | 'client_error' | 'server_error' | 'timeout' | 'unreachable';

/**
 * Records one provider HTTP attempt (providers/http/provider-client.ts). The client knows its provider
 * by display name (`pay.tech`, `Card gateway`); the label is that name as a kind (`paytech`,
 * `cardgateway`: providerLabel). The operation is the method and the path with id-like segments (any
 * digit, or over 24 characters) replaced by `:id`, so a label set per payment never appears.
 */
export function recordProviderCall(
  provider: string,
  method: string,
  pathname: string,
  outcome: ProviderCallOutcome,
  seconds: number,
): void {
  metrics.providerCalls.observe(
    { provider: providerLabel(provider), operation: `${method} ${operationPath(pathname)}`, outcome },
    seconds,
  );
}

/**
 * A provider's display name as the `provider` label: lower case, letters and digits only, which is the
 * provider's kind for the built-in ones (`ConnectPay` → `connectpay`, `pay.tech` → `paytech`,
 * `Card gateway` → `cardgateway`), the label docs/several-instances.md promises.
 */
export function providerLabel(displayName: string): string {
  return displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
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

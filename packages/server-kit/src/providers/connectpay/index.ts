import { ConfigError } from '../../errors.js';
import { markSendsAfterGate } from '../http/send-gate.js';
import type { ProviderAdapter } from '../provider.js';
import { createConnectPayAdapter } from './adapter.js';
import { type ConnectPayOptions, resolveConnectPayOptions } from './options.js';

/**
 * The ConnectPay provider: merchant payments (PIS, card, Google Pay, Apple Pay) and BaaS top-ups over
 * API v2. Options are validated here, so a misconfiguration fails at start-up naming the option.
 */
export function connectpay(options: ConnectPayOptions & { id?: string }): ProviderAdapter {
  const { id, ...rest } = options ?? ({} as ConnectPayOptions);
  if (id !== undefined && (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id))) {
    throw new ConfigError(
      'connectpay: option id must be lower-case letters, digits and - (e.g. connectpay-eu)',
    );
  }
  // Its `initiate` hands its signal to the provider client, so POST sessions may prepare (sign) the
  // call while the session is written and send it after the commit (providers/http/send-gate.ts).
  return markSendsAfterGate(
    createConnectPayAdapter(resolveConnectPayOptions(rest as ConnectPayOptions), id ?? 'connectpay'),
  );
}

export { ConnectPayApiError } from './client.js';
export type { ConnectPayOptions } from './options.js';
export { connectPaySigningString, signConnectPayRequest } from './request-signature.js';
export { CONNECTPAY_STATUSES, type ConnectPayStatus, mapConnectPayStatus } from './statuses.js';

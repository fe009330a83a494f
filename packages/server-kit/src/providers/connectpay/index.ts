import type { ProviderAdapter } from '../provider.js';
import { createConnectPayAdapter } from './adapter.js';
import { type ConnectPayOptions, resolveConnectPayOptions } from './options.js';

/**
 * The ConnectPay provider: merchant payments (PIS, card, Google Pay, Apple Pay) and BaaS top-ups over
 * API v2. Options are validated here, so a misconfiguration fails at start-up naming the option.
 */
export function connectpay(options: ConnectPayOptions): ProviderAdapter {
  return createConnectPayAdapter(resolveConnectPayOptions(options));
}

export { ConnectPayApiError } from './client.js';
export type { ConnectPayOptions } from './options.js';
export { connectPaySigningString, signConnectPayRequest } from './request-signature.js';
export { CONNECTPAY_STATUSES, type ConnectPayStatus, mapConnectPayStatus } from './statuses.js';

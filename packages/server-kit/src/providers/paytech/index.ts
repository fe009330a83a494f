import { ConfigError } from '../../errors.js';
import type { ProviderAdapter } from '../provider.js';
import { createPaytechAdapter } from './adapter.js';
import { type PaytechOptions, resolvePaytechOptions } from './options.js';

/**
 * The pay.tech provider: cards through pay.tech's hosted payment page, with capture, void and refund
 * (Gateway API 1.0.61), and HMAC-signed webhooks. `capture: 'manual'` makes every deposit a
 * pre-authorization. Options are validated here, so a misconfiguration fails at start-up naming the option.
 */
export function paytech(options: PaytechOptions & { id?: string }): ProviderAdapter {
  const { id, ...rest } = options ?? ({} as PaytechOptions);
  if (id !== undefined && (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id))) {
    throw new ConfigError('paytech: option id must be lower-case letters, digits and - (e.g. paytech-eu)');
  }
  return createPaytechAdapter(resolvePaytechOptions(rest as PaytechOptions), id ?? 'paytech');
}

export { PaytechApiError } from './client.js';
export type { PaytechOptions } from './options.js';
export {
  mapPaytechState,
  PAYTECH_ERROR_CODES,
  PAYTECH_STATES,
  type PaytechErrorCode,
  type PaytechState,
  paytechReason,
} from './statuses.js';
export { signPaytechTestPayload, verifyPaytechSignature } from './webhook-signature.js';

import { ConfigError } from '../../errors.js';
import { createCardGatewayAdapter } from './adapter.js';
import type { CardEntryAdapter } from './card-entry.js';
import { type CardGatewayOptions, resolveCardGatewayOptions } from './options.js';

/**
 * The card REST gateway (the Paymentz platform: `authToken`, flat dotted form fields, MD5 checksums):
 * cards server to server, entered on the kit's own card page, with 3-D Secure, capture, void and
 * refund. Options are validated here, so a misconfiguration fails at start-up naming the option.
 */
export function cardGateway(options: CardGatewayOptions & { id?: string }): CardEntryAdapter {
  const { id, ...rest } = options ?? ({} as CardGatewayOptions);
  if (id !== undefined && (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id))) {
    throw new ConfigError(
      'cardgateway: option id must be lower-case letters, digits and - (e.g. cardgateway-eu)',
    );
  }
  return createCardGatewayAdapter(resolveCardGatewayOptions(rest), id ?? 'cardgateway');
}

export { type CardDetails, type CardEntryAdapter, isCardEntryAdapter } from './card-entry.js';
export { signCardGatewayCallback } from './checksums.js';
export { CardGatewayApiError } from './client.js';
export type { CardGatewayOptions } from './options.js';
export {
  CARDGATEWAY_LONG_STATUSES,
  type CardGatewayLongStatus,
  mapCardGatewayStatus,
} from './statuses.js';

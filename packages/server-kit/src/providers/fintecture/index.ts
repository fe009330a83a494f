import { ConfigError } from '../../errors.js';
import type { ProviderAdapter } from '../provider.js';
import { createFintectureAdapter } from './adapter.js';
import { type FintectureOptions, resolveFintectureOptions } from './options.js';

/**
 * The Fintecture provider: bank payments (PIS) through Fintecture Connect, with signed requests, an
 * OAuth2 token, `state` returns, signed webhooks and refunds. Options are validated here, so a
 * misconfiguration fails at start-up naming the option.
 */
export function fintecture(options: FintectureOptions & { id?: string }): ProviderAdapter {
  const { id, ...rest } = options ?? ({} as FintectureOptions);
  if (id !== undefined && (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id))) {
    throw new ConfigError(
      'fintecture: option id must be lower-case letters, digits and - (e.g. fintecture-fr)',
    );
  }
  return createFintectureAdapter(resolveFintectureOptions(rest as FintectureOptions), id ?? 'fintecture');
}

export { FintectureApiError } from './client.js';
export type { FintectureOptions } from './options.js';
export { fintectureDigest, fintectureSigningString, signFintectureRequest } from './request-signature.js';
export { FINTECTURE_STATUSES, type FintectureStatus, mapFintectureStatus } from './statuses.js';
export { verifyFintectureWebhook } from './webhook-signature.js';

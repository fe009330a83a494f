import type { NextAction } from '@pay-checkout/contract';
import { UnsafeRedirectError } from '../errors.js';
import type { ProviderAdapter } from '../providers/provider.js';
import type { KitContext } from './kit-context.js';
import { isSafeProviderRedirect } from './redirect-policy.js';

/**
 * The one URL the element follows for an adapter's next action. The element never posts forms and
 * never learns a provider's wire format: a `redirect` is followed as is (after the adapter's host
 * allow-list), a `form_post` (3-D Secure) becomes our own `continue/:sessionId` page, which posts the
 * form from the merchant's domain, and `none` (final already, or a payment found by reference whose
 * page the provider does not name) is our return page, which follows the live status.
 */
export function shopperUrl(
  context: KitContext,
  adapter: ProviderAdapter,
  sessionId: string,
  next: NextAction,
): string {
  const base = context.config.publicUrl;
  switch (next.type) {
    case 'redirect':
      // The kit's own card page of this very session (adapters whose gateway has no hosted card page,
      // providers/cardgateway/card-entry.ts) is on the merchant's domain, not on a provider host.
      if (next.url === `${base}/card/${sessionId}`) return next.url;
      if (!isSafeProviderRedirect(next.url, adapter)) throw new UnsafeRedirectError(next.url);
      return next.url;
    case 'form_post':
      if (!isSafeProviderRedirect(next.url, adapter)) throw new UnsafeRedirectError(next.url);
      return `${base}/continue/${sessionId}`;
    case 'none':
      return `${base}/return/${sessionId}`;
    default: {
      const unsupported: never = next;
      throw new UnsafeRedirectError(String((unsupported as { type?: unknown }).type));
    }
  }
}

import type { OperationKind } from '@pay-checkout/contract';
import { OperationUnsupportedError } from '../errors.js';
import type { OperationInput, OperationOutcome, ProviderAdapter } from '../providers/provider.js';
import type { KitContext } from '../sessions/kit-context.js';
import type { SessionRecord } from '../store/store.js';

/** How an adapter does one kind of operation, once it is known to support it. */
export interface SupportedOperation {
  adapter: ProviderAdapter;
  /** `full`: only the whole remainder (a capture or refund of a part is unsupported). */
  extent: 'full' | 'partial';
  call(input: OperationInput): Promise<OperationOutcome>;
}

/**
 * The session's adapter and its method for `kind`, when its capabilities declare the operation and
 * the method exists; otherwise `OperationUnsupportedError` (ConnectPay, for one, has no operations).
 */
export function supportedOperation(
  context: KitContext,
  session: SessionRecord,
  kind: OperationKind,
): SupportedOperation {
  const adapter = context.providersById.get(session.provider);
  if (adapter === undefined) {
    throw new OperationUnsupportedError(kind, `provider ${session.provider} is not configured any more`);
  }
  const declared = adapter.capabilities.operations[kind];
  const method = adapter[kind];
  if (declared === undefined || declared === false || method === undefined) {
    throw new OperationUnsupportedError(kind, `${adapter.id} has no ${kind}`);
  }
  return {
    adapter,
    extent: declared === 'partial' ? 'partial' : 'full',
    call: (input) => method.call(adapter, input),
  };
}

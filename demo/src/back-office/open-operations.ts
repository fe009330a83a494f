import { checkOperation, type ProviderCapabilities } from '@pay-checkout/server-kit';
import { type MerchantSession, OPERATION_KINDS, type OperationKind } from './merchant-session.js';

/** What a provider declares it can do (`adapter.capabilities.operations`). */
export type ProviderOperations = ProviderCapabilities['operations'];

/** A capture or refund the back office offers: how much is left, and whether a part may be asked. */
export interface OpenAmount {
  /** Minor units: the most this operation may take now (the default when no amount is given). */
  remainder: number;
  /** True when the provider takes a part of the remainder; else only the whole of it. */
  partial: boolean;
}

/** The buttons a session gets: only operations its provider has and its state allows. */
export interface OpenOperations {
  capture?: OpenAmount;
  void?: true;
  refund?: OpenAmount;
}

/** The operation kinds the provider does not declare, in the kit's order. */
export function unsupportedOperations(operations: ProviderOperations): OperationKind[] {
  return OPERATION_KINDS.filter((kind) => !operations[kind]);
}

/**
 * The operations a merchant can start on this session now: server-kit's own amount rules
 * (`checkOperation`) on the merchant view shown, so the page offers no button the kit would refuse in
 * that state; the kit still decides, and a refusal (a concurrent capture, say) comes back as its error.
 */
export function openOperations(session: MerchantSession, supported: ProviderOperations): OpenOperations {
  const ledger = session.operations.map((op) => ({
    kind: op.kind,
    status: op.status,
    amount: op.amount.value,
  }));
  const check = (kind: OperationKind) =>
    checkOperation({ status: session.status, amount: session.amount.value }, ledger, { kind });
  const open: OpenOperations = {};
  for (const kind of ['capture', 'refund'] as const) {
    const allowed = supported[kind] ? check(kind) : undefined;
    if (allowed && !('refusal' in allowed))
      open[kind] = { remainder: allowed.amount, partial: supported[kind] === 'partial' };
  }
  if (supported.void && !('refusal' in check('void'))) open.void = true;
  return open;
}

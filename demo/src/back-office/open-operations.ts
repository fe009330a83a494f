import type { ProviderCapabilities } from '@pay-checkout/server-kit';
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
 * The operations a merchant can start on this session now. It mirrors server-kit's amount rules
 * (`operations/settlement.ts` in @pay-checkout/server-kit) so the page offers no button the kit
 * would refuse in the state shown; the kit still decides, and a refusal (a concurrent capture, say)
 * comes back as its error. Pending operations count against what is left, as they do in the kit.
 */
export function openOperations(session: MerchantSession, supported: ProviderOperations): OpenOperations {
  const live = session.operations.filter((operation) => operation.status !== 'failed');
  if (live.some((operation) => operation.kind === 'void')) return {};
  if (session.status !== 'authorized' && session.status !== 'succeeded') return {};
  const reserved = (kind: OperationKind) =>
    live.filter((operation) => operation.kind === kind).reduce((sum, op) => sum + op.amount.value, 0);
  const open: OpenOperations = {};
  // A payment that succeeded without a capture of ours was a sale: there is nothing to capture or void.
  const captureStarted = session.operations.some((operation) => operation.kind === 'capture');
  if (supported.capture && (session.status === 'authorized' || captureStarted)) {
    const remainder = session.amount.value - reserved('capture');
    if (remainder > 0) open.capture = { remainder, partial: supported.capture === 'partial' };
  }
  if (supported.void && session.status === 'authorized' && reserved('capture') === 0) open.void = true;
  if (supported.refund) {
    const remainder = session.amounts.captured - reserved('refund');
    if (remainder > 0) open.refund = { remainder, partial: supported.refund === 'partial' };
  }
  return open;
}

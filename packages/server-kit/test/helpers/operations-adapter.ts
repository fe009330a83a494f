import type { BankOption } from '@pay-checkout/contract';
import { ProviderError, ProviderTimeoutError } from '../../src/errors.js';
import type {
  OperationInput,
  OperationOutcome,
  ParsedNotification,
  ProviderAdapter,
  ProviderCapabilities,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
} from '../../src/providers/provider.js';

/** What the adapter does with the next operation call (consumed one per call; `succeeded` when none). */
export type OperationBehaviour =
  | 'succeeded'
  | 'failed'
  /** Accepted; the result comes later by notification (`notification()` builds it). */
  | 'pending'
  /** A 4xx refusal from the provider: it certainly did nothing. */
  | 'reject'
  /** No answer in time: whether the provider acted is unknown. */
  | 'timeout'
  /** Waits until `release()` is called, then succeeds (to overlap a retry with the first call). */
  | 'hold';

type OperationMethod = 'capture' | 'void' | 'refund';

/**
 * A provider adapter (interface v2) with merchant operations, for the operations service and the
 * merchant API until a real provider with operations lands. Payments are card authorizations: the
 * test moves sessions in the store itself, this adapter only answers the operations. Which operations
 * it has, and how each call ends, is set through its constructor and public fields; every call is
 * kept in `calls`.
 */
export class OperationsAdapter implements ProviderAdapter {
  readonly id: string;
  readonly kind = 'opstest';
  readonly capabilities: ProviderCapabilities;
  readonly sandbox = true;
  readonly redirectHosts = ['pay.ops.test'];
  readonly calls: { kind: OperationMethod; input: OperationInput }[] = [];
  /** Consumed one per operation call; `succeeded` when empty. */
  readonly next: OperationBehaviour[] = [];
  capture?: (operation: OperationInput) => Promise<OperationOutcome>;
  void?: (operation: OperationInput) => Promise<OperationOutcome>;
  refund?: (operation: OperationInput) => Promise<OperationOutcome>;
  #release: (() => void) | undefined;
  #counter = 0;

  constructor(options: { id?: string; operations?: ProviderCapabilities['operations'] } = {}) {
    this.id = options.id ?? 'opstest';
    const operations = options.operations ?? { capture: 'partial', void: true, refund: 'partial' };
    this.capabilities = {
      methods: ['card'],
      operations,
      notifications: 'signed',
      returnStyle: 'path',
    };
    // Only the declared operations exist as methods, as a real adapter would have them.
    if (operations.capture) this.capture = (input) => this.#operate('capture', input);
    if (operations.void) this.void = (input) => this.#operate('void', input);
    if (operations.refund) this.refund = (input) => this.#operate('refund', input);
  }

  /** Lets a `hold` call answer. */
  release(): void {
    this.#release?.();
  }

  async #operate(kind: OperationMethod, input: OperationInput): Promise<OperationOutcome> {
    this.calls.push({ kind, input });
    const providerRef = `${kind}_${++this.#counter}`;
    const behaviour = this.next.shift() ?? 'succeeded';
    switch (behaviour) {
      case 'succeeded':
        return { providerRef, status: 'succeeded', raw: kind.toUpperCase() };
      case 'failed':
        return { providerRef, status: 'failed', reason: 'Declined by the issuer', raw: 'DECLINED' };
      case 'pending':
        return { providerRef, status: 'pending', raw: 'PENDING' };
      case 'reject':
        throw new ProviderError(`${this.id} refused the ${kind}: amount not allowed`, {
          providerStatus: 400,
        });
      case 'timeout':
        throw new ProviderTimeoutError(this.id, 50);
      case 'hold':
        await new Promise<void>((resolve) => {
          this.#release = resolve;
        });
        return { providerRef, status: 'succeeded', raw: kind.toUpperCase() };
    }
  }

  /** The notification this provider sends when a pending operation ends (a signed JSON body). */
  notification(
    paymentRef: string,
    operation: {
      kind: OperationMethod;
      providerRef: string;
      status: 'succeeded' | 'failed';
      amount?: number;
    },
  ): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ type: 'operation', paymentRef, operation }));
  }

  async parseNotification(raw: Uint8Array): Promise<ParsedNotification> {
    const body = JSON.parse(new TextDecoder().decode(raw)) as {
      paymentRef: string;
      operation: {
        kind: OperationMethod;
        providerRef: string;
        status: 'succeeded' | 'failed';
        amount?: number;
      };
    };
    return {
      type: 'operation',
      notificationId: `${body.operation.providerRef}:${body.operation.status}`,
      providerRef: body.paymentRef,
      operation: { ...body.operation, raw: body.operation.status.toUpperCase() },
    };
  }

  async initiate(input: ProviderSessionInput): Promise<ProviderInitiation> {
    return {
      providerRef: `pay_${input.sessionId}`,
      status: { status: 'authorized', raw: 'AUTHORIZED' },
      next: { type: 'none' },
    };
  }

  async findByReference(): Promise<ProviderInitiation | undefined> {
    return undefined;
  }

  async status(_payment: ProviderPaymentRef): Promise<ProviderStatus> {
    return { status: 'authorized', raw: 'AUTHORIZED' };
  }

  async banks(): Promise<BankOption[]> {
    return [];
  }
}

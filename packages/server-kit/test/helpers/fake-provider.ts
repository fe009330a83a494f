import { createHash, randomUUID } from 'node:crypto';
import type { BankOption, NextAction, PaymentMethod } from '@pay-checkout/contract';
import { ProviderError, ProviderTimeoutError, ValidationError } from '../../src/errors.js';
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
  ReturnTarget,
} from '../../src/providers/provider.js';

/** What the fake provider does on the next `initiate` (test-only behaviour switches). */
export type InitiateBehaviour =
  | 'ok'
  /** Hangs past its timeout and reports a timeout; the provider never created anything. */
  | 'timeout'
  /** Creates the payment, then the answer is lost: a timeout although the payment exists. */
  | 'timeout-after-create'
  /** A 4xx-style refusal from the provider. */
  | 'reject'
  /** A 5xx: the provider answered and created nothing. */
  | 'unavailable';

export interface FakePayment {
  providerRef: string;
  reference: string;
  input: ProviderSessionInput;
  status: ProviderStatus;
  /** Operations the kit asked for, in order. */
  operations: OperationInput[];
}

export interface FakeProviderOptions {
  id?: string;
  kind?: string;
  methods?: PaymentMethod[];
  sandbox?: boolean;
  redirectHost?: string;
  topUp?: boolean;
  notifications?: ProviderCapabilities['notifications'];
  returnStyle?: ProviderCapabilities['returnStyle'];
  operations?: ProviderCapabilities['operations'];
  /** The next action every initiation answers with (default `redirect`). */
  nextAction?: NextAction['type'];
  /** The status a new payment starts in (default `pending`; `none` providers answer final at once). */
  initialStatus?: ProviderStatus;
  /** Banks by country, with BICs (default: DE's Fake Bank with BIC FAKEDEFFXXX). */
  banks?: Record<string, BankOption[]>;
}

/**
 * An in-memory provider for routing, idempotency, next-action, return and operations tests that need
 * exact control and call counts. Its notifications are unsigned hints (`{"paymentId": …}`) unless
 * `notifications: 'signed'` (see `SignedFakeProvider`). Behaviour is driven only through its public
 * fields; it implements every optional part of adapter v2 that its options switch on.
 */
export class FakeProvider implements ProviderAdapter {
  readonly id: string;
  readonly kind: string;
  readonly capabilities: ProviderCapabilities;
  readonly sandbox: boolean;
  readonly redirectHosts: readonly string[];
  readonly payments = new Map<string, FakePayment>();
  readonly calls = { initiate: 0, status: 0, findByReference: 0, banks: 0, operations: 0 };
  /** Consumed one per `initiate` call; `ok` when empty. */
  readonly next: InitiateBehaviour[] = [];
  /** Consumed one per operation call; `succeeded` when empty. */
  readonly operationResults: OperationOutcome['status'][] = [];
  /** Redirect URL the next initiations answer with (default: a page on `redirectHosts[0]`). */
  redirectUrl?: (providerRef: string) => string;
  /** Where a `form_post` next action posts (default: `/acs` on `redirectHosts[0]`). */
  formAction?: string;
  nextAction: NextAction['type'];
  initialStatus: ProviderStatus;
  bankDirectory: Record<string, BankOption[]>;
  /** Delay of every `initiate` (lets tests overlap two requests). */
  initiateDelayMs = 0;
  /** When set, `status()` throws this (provider down). */
  statusError?: Error;
  timeoutMs = 50;
  resolveReturn?: (url: URL) => ReturnTarget | undefined;
  capture?: (operation: OperationInput) => Promise<OperationOutcome>;
  void?: (operation: OperationInput) => Promise<OperationOutcome>;
  refund?: (operation: OperationInput) => Promise<OperationOutcome>;
  private counter = 0;

  constructor(options: FakeProviderOptions = {}) {
    this.id = options.id ?? 'fakepay';
    this.kind = options.kind ?? 'fake';
    this.capabilities = {
      methods: options.methods ?? ['pis', 'card', 'googlepay', 'applepay'],
      operations: options.operations ?? {},
      notifications: options.notifications ?? 'hint',
      returnStyle: options.returnStyle ?? 'path',
      topUp: options.topUp ?? false,
    };
    this.sandbox = options.sandbox ?? true;
    this.redirectHosts = [options.redirectHost ?? 'pay.fake.test'];
    this.nextAction = options.nextAction ?? 'redirect';
    this.initialStatus = options.initialStatus ?? { status: 'pending', raw: 'Initiated' };
    this.bankDirectory = options.banks ?? {
      DE: [{ id: 'fake-bank', name: 'Fake Bank with Client Keys', country: 'DE', bic: 'FAKEDEFFXXX' }],
    };
    if (this.capabilities.returnStyle === 'state') {
      // The provider returns to one URL and hands back the state it was given.
      this.resolveReturn = (url) => {
        const state = url.searchParams.get('state');
        return state ? { state } : undefined;
      };
    }
    const { operations } = this.capabilities;
    if (operations.capture) this.capture = (op) => this.operate(op);
    if (operations.void) this.void = (op) => this.operate(op);
    if (operations.refund) this.refund = (op) => this.operate(op);
  }

  async initiate(input: ProviderSessionInput): Promise<ProviderInitiation> {
    this.calls.initiate++;
    const behaviour = this.next.shift() ?? 'ok';
    if (this.initiateDelayMs) await new Promise((r) => setTimeout(r, this.initiateDelayMs));
    if (behaviour === 'timeout') {
      await new Promise((r) => setTimeout(r, this.timeoutMs));
      throw new ProviderTimeoutError(this.id, this.timeoutMs);
    }
    if (behaviour === 'reject') {
      throw new ProviderError('The provider refused the payment.', {
        providerStatus: 422,
        code: 'provider_error',
      });
    }
    if (behaviour === 'unavailable') {
      throw new ProviderError('The provider is down.', { providerStatus: 503 });
    }
    const payment = this.create(input);
    if (behaviour === 'timeout-after-create') {
      await new Promise((r) => setTimeout(r, this.timeoutMs));
      throw new ProviderTimeoutError(this.id, this.timeoutMs);
    }
    return this.initiation(payment);
  }

  async findByReference(input: ProviderSessionInput): Promise<ProviderInitiation | undefined> {
    this.calls.findByReference++;
    const payment = [...this.payments.values()].find((p) => p.reference === input.reference);
    return payment && this.initiation(payment);
  }

  async status(ref: ProviderPaymentRef): Promise<ProviderStatus> {
    this.calls.status++;
    if (this.statusError) throw this.statusError;
    const payment = this.payments.get(ref.providerRef);
    if (!payment) throw new ProviderError('payment not found', { providerStatus: 404 });
    return payment.status;
  }

  async banks(country: string): Promise<BankOption[]> {
    this.calls.banks++;
    return (this.bankDirectory[country] ?? []).map((bank) => ({ ...bank, provider: this.id }));
  }

  async parseNotification(raw: Uint8Array, _headers?: Headers): Promise<ParsedNotification> {
    let parsed: { paymentId?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder().decode(raw));
    } catch (error) {
      throw new ValidationError('notification is not JSON', { cause: error });
    }
    if (typeof parsed.paymentId !== 'string') throw new ValidationError('notification has no paymentId');
    return {
      type: 'status',
      providerRef: parsed.paymentId,
      notificationId: createHash('sha256').update(raw).digest('hex'),
    };
  }

  /** The provider's side changes (the shopper paid, the bank declined, …). */
  setStatus(providerRef: string, status: ProviderStatus): void {
    const payment = this.payments.get(providerRef);
    if (!payment) throw new Error(`no fake payment ${providerRef}`);
    payment.status = status;
  }

  /** The only payment created for a session id (throws if there are none or several). */
  paymentFor(sessionId: string): FakePayment {
    const found = [...this.payments.values()].filter((p) => p.input.sessionId === sessionId);
    if (found.length !== 1) throw new Error(`expected one payment for ${sessionId}, found ${found.length}`);
    return found[0];
  }

  private async operate(operation: OperationInput): Promise<OperationOutcome> {
    this.calls.operations++;
    const payment = this.payments.get(operation.payment.providerRef);
    if (!payment) throw new ProviderError('payment not found', { providerStatus: 404 });
    payment.operations.push(operation);
    const status = this.operationResults.shift() ?? 'succeeded';
    return { providerRef: `fop_${operation.operationId}`, status, raw: status.toUpperCase() };
  }

  private create(input: ProviderSessionInput): FakePayment {
    // Unique across instances: several fake providers may share one store in a test file.
    const providerRef = `fake_${randomUUID().slice(0, 8)}_${++this.counter}`;
    const payment: FakePayment = {
      providerRef,
      reference: input.reference,
      input,
      status: { ...this.initialStatus },
      operations: [],
    };
    this.payments.set(providerRef, payment);
    return payment;
  }

  private initiation(payment: FakePayment): ProviderInitiation {
    const url =
      this.redirectUrl?.(payment.providerRef) ??
      `https://${this.redirectHosts[0]}/pay?key=${payment.providerRef}`;
    const next: NextAction =
      this.nextAction === 'redirect'
        ? { type: 'redirect', url }
        : this.nextAction === 'form_post'
          ? {
              type: 'form_post',
              url: this.formAction ?? `https://${this.redirectHosts[0]}/acs`,
              fields: { PaReq: `pareq-${payment.providerRef}`, MD: payment.reference },
            }
          : { type: 'none' };
    return { providerRef: payment.providerRef, status: payment.status, next };
  }
}

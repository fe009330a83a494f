import { createHash, randomUUID } from 'node:crypto';
import type { BankOption, PaymentMethod } from '@pay-checkout/contract';
import { ProviderError, ProviderTimeoutError, ValidationError } from '../../src/errors.js';
import type {
  ProviderAdapter,
  ProviderCapabilities,
  ProviderInitiation,
  ProviderSessionInput,
  ProviderStatus,
  VerifiedNotification,
} from '../../src/providers/provider.js';

/** What the fake provider does on the next `initiate` (test-only behaviour switches). */
export type InitiateBehaviour =
  | 'ok'
  /** Hangs past its timeout and reports a timeout; the provider never created anything. */
  | 'timeout'
  /** Creates the payment, then the answer is lost: a timeout although the payment exists. */
  | 'timeout-after-create'
  /** A 4xx-style refusal from the provider. */
  | 'reject';

interface FakePayment {
  providerRef: string;
  reference: string;
  input: ProviderSessionInput;
  status: ProviderStatus;
}

/**
 * An in-memory provider for routing, idempotency and reliability tests that need exact control and
 * call counts. Its notifications are unsigned hints (`{"paymentId": …}`), like ConnectPay's, so the kit
 * must re-fetch `status()`. Behaviour is driven only through its public fields.
 */
export class FakeProvider implements ProviderAdapter {
  readonly name: string;
  readonly capabilities: ProviderCapabilities;
  readonly sandbox: boolean;
  readonly redirectHosts: readonly string[];
  readonly payments = new Map<string, FakePayment>();
  readonly calls = { initiate: 0, status: 0, findByReference: 0, banks: 0 };
  /** Consumed one per `initiate` call; `ok` when empty. */
  readonly next: InitiateBehaviour[] = [];
  /** Redirect URL the next initiations answer with (default: a page on `redirectHosts[0]`). */
  redirectUrl?: (providerRef: string) => string;
  /** Delay of every `initiate` (lets tests overlap two requests). */
  initiateDelayMs = 0;
  /** When set, `status()` throws this (provider down). */
  statusError?: Error;
  timeoutMs = 50;
  private counter = 0;

  constructor(
    options: {
      name?: string;
      methods?: PaymentMethod[];
      sandbox?: boolean;
      redirectHost?: string;
      topUp?: boolean;
    } = {},
  ) {
    this.name = options.name ?? 'fakepay';
    this.capabilities = {
      methods: options.methods ?? ['pis', 'card', 'googlepay', 'applepay'],
      signedNotifications: false,
      topUp: options.topUp ?? false,
    };
    this.sandbox = options.sandbox ?? true;
    this.redirectHosts = [options.redirectHost ?? 'pay.fake.test'];
  }

  async initiate(input: ProviderSessionInput): Promise<ProviderInitiation> {
    this.calls.initiate++;
    const behaviour = this.next.shift() ?? 'ok';
    if (this.initiateDelayMs) await new Promise((r) => setTimeout(r, this.initiateDelayMs));
    if (behaviour === 'timeout') {
      await new Promise((r) => setTimeout(r, this.timeoutMs));
      throw new ProviderTimeoutError(this.name, this.timeoutMs);
    }
    if (behaviour === 'reject') {
      throw new ProviderError('The provider refused the payment.', {
        providerStatus: 422,
        code: 'provider_error',
      });
    }
    const payment = this.create(input);
    if (behaviour === 'timeout-after-create') {
      await new Promise((r) => setTimeout(r, this.timeoutMs));
      throw new ProviderTimeoutError(this.name, this.timeoutMs);
    }
    return this.initiation(payment);
  }

  async findByReference(input: ProviderSessionInput): Promise<ProviderInitiation | undefined> {
    this.calls.findByReference++;
    const payment = [...this.payments.values()].find((p) => p.reference === input.reference);
    return payment && this.initiation(payment);
  }

  async status(providerRef: string): Promise<ProviderStatus> {
    this.calls.status++;
    if (this.statusError) throw this.statusError;
    const payment = this.payments.get(providerRef);
    if (!payment) throw new ProviderError('payment not found', { providerStatus: 404 });
    return payment.status;
  }

  async banks(country: string): Promise<BankOption[]> {
    this.calls.banks++;
    if (country === 'DE') return [{ id: 'fake-bank', name: 'Fake Bank with Client Keys', country: 'DE' }];
    return [];
  }

  async verifyNotification(raw: Uint8Array, _headers?: Headers): Promise<VerifiedNotification> {
    let parsed: { paymentId?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder().decode(raw));
    } catch (error) {
      throw new ValidationError('notification is not JSON', { cause: error });
    }
    if (typeof parsed.paymentId !== 'string') throw new ValidationError('notification has no paymentId');
    return { providerRef: parsed.paymentId, notificationId: createHash('sha256').update(raw).digest('hex') };
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

  private create(input: ProviderSessionInput): FakePayment {
    // Unique across instances: several fake providers may share one store in a test file.
    const providerRef = `fake_${randomUUID().slice(0, 8)}_${++this.counter}`;
    const payment: FakePayment = {
      providerRef,
      reference: input.reference,
      input,
      status: { status: 'pending', raw: 'Initiated' },
    };
    this.payments.set(providerRef, payment);
    return payment;
  }

  private initiation(payment: FakePayment): ProviderInitiation {
    const redirectUrl =
      this.redirectUrl?.(payment.providerRef) ??
      `https://${this.redirectHosts[0]}/pay?key=${payment.providerRef}`;
    return { providerRef: payment.providerRef, redirectUrl, status: payment.status };
  }
}

import type { Checkout, CheckoutStore, ProviderAdapter } from '@pay-checkout/server-kit';
import { toMinorUnits } from '@pay-checkout/server-kit';
import { type MerchantSession, type OperationKind, readMerchantSession } from './merchant-session.js';
import { type OpenOperations, openOperations, type ProviderOperations } from './open-operations.js';

/** A session's provider as the back office names it, with the operations it declares. */
export interface BackOfficeProvider {
  id: string;
  /** `ConnectPay`, or `ConnectPay (connectpay-b)` for a second account of one provider. */
  label: string;
  operations: ProviderOperations;
}

/** One payment session of an order, as the back office shows it. */
export interface BackOfficeSession {
  session: MerchantSession;
  /** Undefined when the session's provider is no longer configured. */
  provider?: BackOfficeProvider;
  /** The buttons to offer: the provider has the operation and the session's state allows it. */
  open: OpenOperations;
}

/** What an operation came to, for the message after the button press. */
export interface OperationResult {
  kind: OperationKind;
  status: 'pending' | 'succeeded' | 'failed';
  amount: { value: number; currency: string };
  reason?: string;
}

/** What the back office's routes need; absent when no merchant key is configured (the back office is off). */
export interface BackOffice {
  /** Checked by the sign-in form; never sent to the browser. */
  merchantKey: string;
  /** The order's payment sessions, newest first, each with its merchant view and open operations. */
  sessionsOf(orderId: string): Promise<BackOfficeSession[]>;
  /**
   * Captures, voids or refunds through server-kit (`checkout.capture/void/refund`). `amount` is what the
   * merchant typed (`5.00`, `5,00`), in the session's currency; empty: the whole remainder. Errors are
   * server-kit's (`CheckoutError` with its code) or `AmountFormatError`.
   */
  operate(
    sessionId: string,
    kind: OperationKind,
    input: { amount?: string; idempotencyKey: string },
  ): Promise<OperationResult>;
}

/** The amount field held something that is not an amount of the session's currency. */
export class AmountFormatError extends Error {
  readonly code = 'invalid_amount';
  readonly status = 422;
  constructor(text: string, currency: string, options?: { cause?: unknown }) {
    super(`"${text}" is not an amount in ${currency}: write it like 5.00.`, options);
    this.name = 'AmountFormatError';
  }
}

/** Display names of the provider kinds server-kit knows (issue 10); an unknown kind shows its id. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  connectpay: 'ConnectPay',
  paytech: 'pay.tech',
  fintecture: 'Fintecture',
  cardgateway: 'the card gateway',
};

function describeProvider(adapter: ProviderAdapter): BackOfficeProvider {
  const name = Object.hasOwn(PROVIDER_NAMES, adapter.kind) ? PROVIDER_NAMES[adapter.kind] : undefined;
  const label =
    name === undefined ? adapter.id : adapter.id === adapter.kind ? name : `${name} (${adapter.id})`;
  return { id: adapter.id, label, operations: adapter.capabilities.operations };
}

export function createBackOffice(input: {
  checkout: Checkout;
  store: CheckoutStore;
  providers: readonly ProviderAdapter[];
  merchantKey: string;
  /** server-kit's public URL (`{shop}/checkout`). */
  checkoutUrl: string;
}): BackOffice {
  const { checkout, store, merchantKey, checkoutUrl } = input;
  const providers = new Map(input.providers.map((adapter) => [adapter.id, describeProvider(adapter)]));

  async function amountOf(sessionId: string, text: string | undefined): Promise<number | undefined> {
    const trimmed = text?.trim().replace(',', '.') ?? '';
    if (trimmed === '') return undefined;
    // An unknown session keeps its amount unparsed: server-kit answers that it does not exist.
    const session = await store.getSession(sessionId);
    if (session === undefined) return undefined;
    try {
      return toMinorUnits(trimmed, session.currency);
    } catch (error) {
      throw new AmountFormatError(trimmed, session.currency, { cause: error });
    }
  }

  return {
    merchantKey,
    async sessionsOf(orderId) {
      const sessions = await store.listSessionsByOrder(orderId);
      return Promise.all(
        sessions.map(async (record) => {
          const session = await readMerchantSession(checkout, checkoutUrl, merchantKey, record.id);
          const provider = providers.get(session.provider);
          const open = provider ? openOperations(session, provider.operations) : {};
          return provider ? { session, provider, open } : { session, open };
        }),
      );
    },
    async operate(sessionId, kind, { amount: text, idempotencyKey }) {
      const response =
        kind === 'void'
          ? await checkout.void(sessionId, { idempotencyKey })
          : await checkout[kind](sessionId, { amount: await amountOf(sessionId, text), idempotencyKey });
      const { operation } = response;
      return {
        kind: operation.kind,
        status: operation.status,
        amount: operation.amount,
        ...(operation.reason === undefined ? {} : { reason: operation.reason }),
      };
    },
  };
}

import type {
  BankOption,
  NextAction,
  OperationKind,
  PaymentMethod,
  SessionStatus,
  StatusReason,
} from '@pay-checkout/contract';

/**
 * What every provider adapter implements (one folder per provider under `providers/`; the guide is
 * `docs/adding-a-provider.md`). The kit core never speaks a provider's wire format: it hands an adapter
 * a `ProviderSessionInput` and gets back unified statuses, next actions and operation outcomes.
 * `@pay-checkout/server-kit/adapter-conformance` checks an adapter against this contract.
 */
export interface ProviderAdapter {
  /**
   * Instance id, unique within one checkout (config option `id`, default: the kind). Several accounts
   * of one provider coexist under different ids. Also the `:provider` of `POST notifications/:provider`
   * and of `GET return/:provider`, and what a session's `provider` names.
   */
  readonly id: string;
  /** Which provider this is: `connectpay`, `paytech`, `fintecture`, `cardgateway`. */
  readonly kind: string;
  readonly capabilities: ProviderCapabilities;
  /** True when the adapter talks to a sandbox / stage, so the element shows a test-mode badge. */
  readonly sandbox: boolean;
  /**
   * Hosts (`host[:port]`) the shopper may be sent to (redirect or form post). The kit refuses any next
   * action whose host is not listed, and any `http:` one unless `sandbox` is true.
   */
  readonly redirectHosts: readonly string[];

  /** Opens a payment at the provider. Must not create a second payment on retry (see `findByReference`). */
  initiate(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation>;
  /**
   * After an initiation whose outcome is unknown (timeout, connection reset), find the payment the
   * provider may have created for this session by our reference. `undefined` when there is none. The
   * input carries the session's `providerData` when an earlier call stored some (e.g. a top-up).
   */
  findByReference(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation | undefined>;
  /** The provider's current view of a payment, mapped to our statuses. Safe to retry. */
  status(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<ProviderStatus>;
  /** Banks for PIS in a country, each with its `bic` where known (empty when the provider has no PIS). */
  banks(country: string, signal?: AbortSignal): Promise<BankOption[]>;
  /**
   * Checks an incoming notification. `raw` is the exact body bytes. Providers that sign verify the
   * signature in constant time and throw `SignatureError` on mismatch; a status is trusted only when
   * `capabilities.notifications` is `signed` (a hint is re-fetched with `status()`).
   */
  parseNotification(raw: Uint8Array, headers: Headers): Promise<ParsedNotification>;
  /**
   * For `returnStyle: 'state'` providers, which come back to one registered URL
   * (`GET {base}/return/{id}?…`): which of our sessions the return is about, from the query the
   * provider appended. `undefined` when the URL names none.
   */
  resolveReturn?(url: URL): ReturnTarget | undefined;
  /** Captures (part of) an authorized payment. Present only when `capabilities.operations.capture` is. */
  capture?(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome>;
  /** Voids (cancels) an authorized, uncaptured payment. */
  void?(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome>;
  /** Refunds (part of) a captured payment. */
  refund?(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome>;
}

/** JSON an adapter keeps on the session between calls (stored as `jsonb`, handed back to every call). */
export type ProviderData = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ProviderCapabilities {
  methods: readonly PaymentMethod[];
  /** ISO 3166-1 alpha-2 countries served, when limited (absent: any). */
  countries?: readonly string[];
  /** ISO 4217 currencies accepted, when limited (absent: any). */
  currencies?: readonly string[];
  /** Merchant operations the provider supports; absent keys are unsupported. */
  operations: {
    capture?: 'full' | 'partial';
    void?: boolean;
    refund?: 'full' | 'partial';
  };
  /** `signed`: notifications are verified and their status trusted; `hint`: the kit re-fetches. */
  notifications: 'signed' | 'hint';
  /**
   * `path`: the provider returns the shopper to our `return/{sessionId}`; `state`: to one registered
   * URL, `return/{providerId}?…`, resolved with `resolveReturn`.
   */
  returnStyle: 'path' | 'state';
  /** Whether the adapter can open BaaS top-ups into a creditor account. */
  topUp?: boolean;
}

/** Everything an adapter needs to open (or find) a payment. The amount comes from `resolveOrder`, never the browser. */
export interface ProviderSessionInput {
  sessionId: string;
  /** Our reference at the provider, unique per session, used for reconciliation. */
  reference: string;
  orderId: string;
  amount: { value: number; currency: string }; // minor units
  description: string;
  method: PaymentMethod;
  bank?: string;
  country?: string;
  language?: string;
  /**
   * Where the provider sends the shopper back: `return/{sessionId}` for `path` providers,
   * `return/{providerId}` for `state` providers (which add `state` themselves; see `state`).
   */
  returnUrl: string;
  /** For `state` providers: the opaque value to hand the provider, which it returns unchanged. */
  state: string;
  /** Where the provider posts notifications: `POST {publicUrl}/notifications/{id}`. */
  notificationUrl: string;
  /** BaaS top-up: credit this account instead of the merchant. */
  topUp?: { creditorIban: string; consumerId?: string };
  /** What an earlier call of this adapter stored on the session. */
  providerData?: ProviderData;
}

/** A payment the adapter created: what every later call receives. */
export interface ProviderPaymentRef {
  providerRef: string;
  /** Our reference (merchant reference at the provider). */
  reference: string;
  providerData?: ProviderData;
}

export interface ProviderInitiation {
  providerRef: string;
  /** Kept on the session and handed back to `status`, `findByReference` and operations. */
  providerData?: ProviderData;
  status: ProviderStatus;
  /**
   * What the shopper does next: follow a URL, post a form (3-D Secure), or nothing (final already).
   * After a lookup by reference the provider may not say where its page is: `none` is then honest, and
   * the shopper lands on our return page, which follows the live status.
   */
  next: NextAction;
}

export interface ProviderStatus {
  status: SessionStatus;
  reason?: StatusReason;
  /** The provider's own status word, kept for the audit trail. */
  raw: string;
}

/** What a notification is about. Every variant is answered 2xx; only a bad signature is refused. */
export type ParsedNotification =
  | {
      type: 'status';
      /** Dedupe key for the inbox: the same delivery twice has the same id. */
      notificationId: string;
      providerRef: string;
      /** Present only when the notification is signed and so trusted; otherwise the kit re-fetches. */
      status?: ProviderStatus;
    }
  | {
      type: 'operation';
      notificationId: string;
      /** The payment the operation belongs to (for refunds reported as child payments: the parent). */
      providerRef: string;
      operation: {
        kind: OperationKind;
        /** The provider's id of the operation (or of the child payment). */
        providerRef: string;
        status: 'succeeded' | 'failed';
        /** Minor units, when the provider says. */
        amount?: number;
        raw: string;
      };
    }
  | { type: 'ignore'; notificationId: string; reason: string };

/** Which session a `state`-style return is about. */
export type ReturnTarget = { state: string } | { providerRef: string };

/** One capture, void or refund, as the kit asks an adapter for it. */
export interface OperationInput {
  payment: ProviderPaymentRef;
  /** The kit's operation id: unique, usable as the provider's idempotency key or reference. */
  operationId: string;
  /** Minor units with currency; for a void, the authorized amount. */
  amount: { value: number; currency: string };
  /** True when `amount` is the whole remainder (providers without partial operations need that). */
  full: boolean;
}

export interface OperationOutcome {
  /** The provider's id for the operation, when it has one. */
  providerRef?: string;
  /** `pending`: accepted, the result comes by notification or a later status read. */
  status: 'pending' | 'succeeded' | 'failed';
  /** The provider's own words for a failure, kept for the merchant view. */
  reason?: string;
  raw: string;
}

import type { BankOption, PaymentMethod, SessionStatus, StatusReason } from '@pay-checkout/contract';

/**
 * What every provider adapter implements (one folder per provider under `providers/`). The kit core
 * never speaks a provider's wire format: it hands an adapter a `ProviderSessionInput` and gets back
 * unified statuses. DESIGN.md §5.
 */
export interface ProviderAdapter {
  /** Registry name, also the `:provider` of `POST notifications/:provider`, e.g. `connectpay`. */
  readonly name: string;
  readonly capabilities: ProviderCapabilities;
  /** True when the adapter talks to a sandbox / stage, so the element shows a test-mode badge. */
  readonly sandbox: boolean;
  /**
   * Hosts (`host[:port]`) the shopper may be redirected to. The kit refuses any `redirectUrl` whose
   * host is not listed, and any `http:` one unless `sandbox` is true.
   */
  readonly redirectHosts: readonly string[];

  /** Opens a payment at the provider. Must not create a second payment on retry (see `reconcile`). */
  initiate(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation>;
  /**
   * After an initiation whose outcome is unknown (timeout, connection reset), find the payment the
   * provider may have created for this session by our reference. `undefined` when there is none.
   */
  findByReference(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation | undefined>;
  /** The provider's current view of a payment, mapped to our statuses. Safe to retry. */
  status(providerRef: string, signal?: AbortSignal): Promise<ProviderStatus>;
  /** Banks for PIS in a country (empty when the provider has no PIS). */
  banks(country: string, signal?: AbortSignal): Promise<BankOption[]>;
  /**
   * Checks an incoming notification. `raw` is the exact body bytes. Providers that sign verify the
   * signature in constant time and throw `SignatureError` on mismatch; providers that do not sign
   * (ConnectPay) return only the payment reference, as a hint: the kit then calls `status()` and
   * applies only what the provider's API says.
   */
  verifyNotification(raw: Uint8Array, headers: Headers): Promise<VerifiedNotification>;
}

export interface ProviderCapabilities {
  methods: readonly PaymentMethod[];
  /** Whether notifications are signed (trusted as-is) or only hints to re-fetch. */
  signedNotifications: boolean;
  /** Whether the adapter can open BaaS top-ups into a creditor account. */
  topUp: boolean;
}

/** Everything an adapter needs to open a payment. The amount comes from `resolveOrder`, never the browser. */
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
  /** Where the provider sends the shopper back: our hosted return page for this session. */
  returnUrl: string;
  /** Where the provider posts notifications: `POST {publicUrl}/notifications/{name}`. */
  notificationUrl: string;
  /** BaaS top-up: credit this account instead of the merchant. */
  topUp?: { creditorIban: string; consumerId?: string };
}

export interface ProviderInitiation {
  providerRef: string;
  redirectUrl: string;
  status: ProviderStatus;
}

export interface ProviderStatus {
  status: SessionStatus;
  reason?: StatusReason;
  /** The provider's own status word, kept for the audit trail. */
  raw: string;
}

export interface VerifiedNotification {
  providerRef: string;
  /** Dedupe key for the inbox: the same delivery twice has the same id. */
  notificationId: string;
  /** Present only when the notification is signed and so trusted; otherwise the kit re-fetches. */
  status?: ProviderStatus;
}

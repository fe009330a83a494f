import { createHash } from 'node:crypto';
import type { BankOption, ErrorCode, PaymentMethod } from '@pay-checkout/contract';
import { ConfigError, ValidationError } from '../../errors.js';
import { toDecimalString } from '../../money.js';
import { cachedBankList } from '../bank-list-cache.js';
import type {
  ParsedNotification,
  ProviderAdapter,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
} from '../provider.js';
import { ConnectPayApiError, ConnectPayClient } from './client.js';
import type { ResolvedConnectPayOptions } from './options.js';
import {
  ConnectPayLanguage,
  type ConnectPayMethod,
  type InitiatePaymentRequest,
  InitiatePaymentResponse,
  NotificationHint,
  PaymentDetails,
  PaymentList,
  ProviderList,
} from './schema.js';
import { mapConnectPayStatus } from './statuses.js';

const METHODS: Record<PaymentMethod, ConnectPayMethod> = {
  pis: 'PIS',
  card: 'CARD',
  googlepay: 'GooglePay',
  applepay: 'ApplePay',
};

/** Top-ups are paid by bank transfer or card only (connectpay-sandbox-wire.md, BaaS top-up). */
const TOP_UP_METHODS: readonly PaymentMethod[] = ['pis', 'card'];

/** Providers (banks) change rarely; the options route asks on every checkout load. */

/** SEPA's limit for unstructured remittance information. */
const REMITTANCE_MAX = 140;

/**
 * Top-ups live under another API path (`baas/merchant/payments/{id}`). The session's `providerData`
 * says which API a payment lives in (`{api: 'baas'}`), and, for sessions stored before adapter v2,
 * the provider reference's `baas:` prefix still does.
 */
const TOP_UP_PREFIX = 'baas:';

/** Messages for the rejections of a top-up's creditor account or consumer (HTTP 422 from ConnectPay). */
const TOP_UP_REJECTIONS = {
  consumer_not_found: 'The top-up consumer is not onboarded at ConnectPay.',
  creditor_account_not_found: 'The top-up creditor account does not exist at ConnectPay.',
  creditor_account_inactive: 'The top-up creditor account is not active, so it cannot be credited.',
  creditor_account_not_owned: 'The top-up creditor account does not belong to the onboarded consumer.',
} as const satisfies Partial<Record<ErrorCode, string>>;

export function createConnectPayAdapter(
  options: ResolvedConnectPayOptions,
  id = 'connectpay',
): ProviderAdapter {
  const client = new ConnectPayClient(options);

  async function initiate(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation> {
    const topUp = input.topUp ? topUpTarget(input, options) : undefined;
    const body: InitiatePaymentRequest = {
      merchant: {
        brandId: options.brandId,
        redirectUrl: input.returnUrl,
        notificationUrl: input.notificationUrl,
        language: widgetLanguage(input.language),
      },
      payment: {
        paymentMethod: [METHODS[input.method]],
        providerCountryCode: input.country?.toUpperCase(),
        providerId: input.bank,
        instructedAmount: {
          amount: toDecimalString(input.amount.value, input.amount.currency),
          currency: input.amount.currency.toUpperCase(),
        },
        remittanceInformationUnstructured: input.description.slice(0, REMITTANCE_MAX) || undefined,
        creditorAccount: topUp ? { iban: topUp.creditorIban } : undefined,
      },
      identifiers: { merchantReference: input.reference },
      consumer: topUp ? { consumerId: topUp.consumerId } : undefined,
    };
    const path = topUp ? 'baas/merchant/topup/pis/payments' : 'merchant/payments';
    let created: InitiatePaymentResponse;
    try {
      created = await client.post({ path, signal }, body, InitiatePaymentResponse);
    } catch (error) {
      throw explainInitiationError(error);
    }
    return {
      providerRef: created.payment.paymentId,
      ...(topUp ? { providerData: { api: 'baas' } } : {}),
      next: { type: 'redirect', url: created.payment.redirectUrl },
      // A payment ConnectPay has just created is `Initiated` (the shopper is not at the widget yet).
      status: mapConnectPayStatus('Initiated'),
    };
  }

  async function findByReference(
    input: ProviderSessionInput,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation | undefined> {
    // Top-ups are listed on their own BaaS path, like their details (a sandbox addition, see schema.ts).
    const path = input.topUp ? 'baas/merchant/payments' : 'merchant/payments';
    const { payments } = await client.get(
      { path, query: { merchantReference: input.reference }, signal },
      PaymentList,
    );
    // References are unique per session, so there is at most one; the newest wins if not.
    const found = payments
      .filter((details) => (details.identifiers?.merchantReference ?? input.reference) === input.reference)
      .sort((a, b) => (b.payment.createdAt ?? '').localeCompare(a.payment.createdAt ?? ''))[0];
    if (!found) return undefined;
    const id = found.payment.paymentId;
    return {
      providerRef: id,
      ...(input.topUp ? { providerData: { api: 'baas' } } : {}),
      // The details body carries no widget URL (ConnectPay documents none). Without it, `none` is the
      // honest answer: the shopper lands on our return page, which follows the live status.
      next: found.payment.redirectUrl
        ? { type: 'redirect', url: found.payment.redirectUrl }
        : { type: 'none' },
      status: mapLogged(id, found.payment.status, found.payment.statusReason),
    };
  }

  async function status(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<ProviderStatus> {
    const details = await client.get({ path: detailsPath(payment), signal }, PaymentDetails);
    return mapLogged(payment.providerRef, details.payment.status, details.payment.statusReason);
  }

  /** Maps a status; an unsupported one is logged here, where the payment is known, and rethrown. */
  function mapLogged(providerRef: string, raw: string, reason: string | null | undefined): ProviderStatus {
    try {
      return mapConnectPayStatus(raw, reason ?? undefined);
    } catch (error) {
      options.logger?.warn(
        { provider: 'connectpay', providerRef, status: raw.slice(0, 40) },
        'ConnectPay reported an unsupported payment status',
      );
      throw error;
    }
  }

  const banks = cachedBankList(
    (code, signal) =>
      client
        .get({ path: 'merchant/providers', query: { countryCode: code }, signal }, ProviderList)
        .then(({ providers }) =>
          providers.map(
            (provider): BankOption => ({
              id: provider.providerId,
              name: provider.name,
              country: provider.countryCode.toUpperCase(),
              ...(provider.logoUrl ? { logo: provider.logoUrl } : {}),
              ...(provider.bic ? { bic: provider.bic } : {}),
              provider: id,
            }),
          ),
        ),
    'DE',
  );

  /**
   * ConnectPay callbacks are unsigned (packages/sandbox/README.md, ConnectPay's wire), so nothing in them is trusted: we return
   * which payment it is about, and the kit re-fetches the status with our own credentials. A forged
   * callback can therefore at most cause one extra status request.
   */
  async function parseNotification(raw: Uint8Array, _headers: Headers): Promise<ParsedNotification> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (error) {
      throw new ValidationError('The ConnectPay notification is not a JSON document.', { cause: error });
    }
    const parsed = NotificationHint.safeParse(json);
    if (!parsed.success) {
      throw new ValidationError('The ConnectPay notification does not name a payment (payment.paymentId).', {
        cause: parsed.error,
      });
    }
    // The session knows whether it is a top-up (its providerData), so the bare payment id is enough.
    return {
      type: 'status',
      providerRef: parsed.data.payment.paymentId,
      notificationId: createHash('sha256').update(raw).digest('hex'),
    };
  }

  return {
    id,
    kind: 'connectpay',
    capabilities: {
      methods: ['pis', 'card', 'googlepay', 'applepay'],
      // ConnectPay's API v2 has no capture, void or refund (connectpay-initiate-payment): none offered.
      operations: {},
      notifications: 'hint',
      returnStyle: 'path',
      topUp: true,
    },
    sandbox: options.sandbox,
    redirectHosts: options.redirectHosts,
    initiate,
    findByReference,
    status,
    banks,
    parseNotification,
  };
}

/** ConnectPay's widget speaks EN DE NL FI SV LT; any other BCP 47 tag falls back to English. */
function widgetLanguage(tag: string | undefined): ConnectPayLanguage {
  const parsed = ConnectPayLanguage.safeParse(tag?.split('-')[0]?.toUpperCase());
  return parsed.success ? parsed.data : 'EN';
}

function detailsPath({ providerRef, providerData }: ProviderPaymentRef): string {
  if (providerData?.api === 'baas') return `baas/merchant/payments/${encodeURIComponent(providerRef)}`;
  if (providerRef.startsWith(TOP_UP_PREFIX)) {
    return `baas/merchant/payments/${encodeURIComponent(providerRef.slice(TOP_UP_PREFIX.length))}`;
  }
  return `merchant/payments/${encodeURIComponent(providerRef)}`;
}

/** The session's own top-up fields win; the adapter's `topUp` option fills the gaps. */
function topUpTarget(
  input: ProviderSessionInput,
  options: ResolvedConnectPayOptions,
): { creditorIban: string; consumerId: string } {
  if (!TOP_UP_METHODS.includes(input.method)) {
    throw new ValidationError(`ConnectPay top-ups are paid by PIS or card, not ${input.method}.`);
  }
  const creditorIban = input.topUp?.creditorIban || options.topUp?.creditorIban;
  const consumerId = input.topUp?.consumerId || options.topUp?.consumerId;
  if (!creditorIban)
    throw new ConfigError('connectpay: a top-up needs a creditor IBAN (option topUp.creditorIban)');
  if (!consumerId)
    throw new ConfigError('connectpay: a top-up needs a consumer id (option topUp.consumerId)');
  return { creditorIban, consumerId };
}

/** A creditor-account rejection becomes a ProviderError with ConnectPay's code and a plain message. */
function explainInitiationError(error: unknown): unknown {
  if (!(error instanceof ConnectPayApiError) || error.providerStatus !== 422 || !error.providerCode)
    return error;
  // Our answer carries ConnectPay's code only when it is one of ours (contract ERROR_CODES).
  const known = Object.hasOwn(TOP_UP_REJECTIONS, error.providerCode)
    ? (error.providerCode as keyof typeof TOP_UP_REJECTIONS)
    : undefined;
  return new ConnectPayApiError(known ? TOP_UP_REJECTIONS[known] : error.message, {
    code: known ?? 'provider_refused',
    providerCode: error.providerCode,
    providerStatus: 422,
    status: 422, // a refusal, not an outage: retrying cannot help
    requestId: error.requestId,
    cause: error,
  });
}

import { createHash } from 'node:crypto';
import type { BankOption } from '@pay-checkout/contract';
import { ConfigError, SignatureError, ValidationError } from '../../errors.js';
import { currencyExponent, toDecimalString } from '../../money.js';
import type {
  OperationInput,
  OperationOutcome,
  ParsedNotification,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
} from '../provider.js';
import { type CardDetails, type CardEntryAdapter, cardPageUrl } from './card-entry.js';
import {
  amountOperationChecksum,
  callbackChecksum,
  inquiryChecksum,
  paymentChecksum,
  paymentIdChecksum,
  sameChecksum,
} from './checksums.js';
import { CardGatewayApiError, type CardGatewayClient, createCardGatewayClient } from './client.js';
import type { ResolvedCardGatewayOptions } from './options.js';
import { CallbackFields, outcomeDescription, PaymentAnswer } from './schema.js';
import { CARD_ENTRY_STATUS, mapCardGatewayStatus } from './statuses.js';

/** How many card pages one adapter instance remembers for `findByReference` (oldest dropped first). */
const OPENED_PAGES_MAX = 10_000;

/** The gateway's brand names (`paymentBrand`), from the card number's prefix. */
function paymentBrand(digits: string): string | undefined {
  if (digits.startsWith('4')) return 'VISA';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MC';
  if (two === 34 || two === 37) return 'AMEX';
  return undefined;
}

/**
 * The card REST gateway (the Paymentz platform): cards server to server, entered on the kit's own card
 * page. `initiate` opens nothing at the gateway (it needs the card): it sends the shopper to
 * `{base}/card/{sessionId}`; `payWithCard` then creates the payment there, with our reference as its
 * `merchantTransactionId`, which is also our `providerRef`: callbacks and the inquiry name it, and the
 * gateway refuses a second payment under it, so a card form posted twice cannot pay twice. The
 * gateway's own `paymentId` is kept in `providerData` for the back-office calls.
 */
export function createCardGatewayAdapter(
  options: ResolvedCardGatewayOptions,
  id = 'cardgateway',
): CardEntryAdapter {
  const client: CardGatewayClient = createCardGatewayClient(options);
  const { memberId, secureKey } = options;
  /**
   * References whose card page this instance opened. The gateway knows a payment only once the card is
   * posted; until then this is what `findByReference` can honestly find (a restarted process forgets
   * them, and the shopper then starts again from the merchant's page).
   */
  const openedPages = new Map<string, string>();

  function amountOf(value: number, currency: string): string {
    if (currencyExponent(currency) !== 2) {
      throw new ValidationError(
        `The card gateway takes amounts with two decimals; ${currency} has none or three.`,
      );
    }
    return toDecimalString(value, currency);
  }

  function cardPage(input: ProviderSessionInput): ProviderInitiation {
    const url = openedPages.get(input.reference) ?? cardPageUrl(input);
    if (!url) {
      throw new ConfigError(
        "cardgateway: the return URL is not the kit's return/{sessionId}; no card page to send the shopper to",
      );
    }
    return {
      providerRef: input.reference,
      next: { type: 'redirect', url },
      status: { status: 'pending', raw: CARD_ENTRY_STATUS },
    };
  }

  async function initiate(input: ProviderSessionInput): Promise<ProviderInitiation> {
    if (input.method !== 'card')
      throw new ValidationError(`The card gateway takes cards, not ${input.method}.`);
    amountOf(input.amount.value, input.amount.currency);
    const initiation = cardPage(input);
    if (initiation.next.type === 'redirect') {
      openedPages.set(input.reference, initiation.next.url);
      if (openedPages.size > OPENED_PAGES_MAX) openedPages.delete(openedPages.keys().next().value as string);
    }
    return initiation;
  }

  async function payWithCard(
    input: ProviderSessionInput,
    card: CardDetails,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation> {
    const amount = amountOf(input.amount.value, input.amount.currency);
    const [givenName, ...rest] = card.holder.trim().split(/\s+/);
    const answer = await client.write(
      'payments',
      {
        'authentication.memberId': memberId,
        'authentication.terminalId': options.terminalId,
        'authentication.checksum': paymentChecksum(memberId, secureKey, input.reference, amount),
        merchantTransactionId: input.reference,
        amount,
        currency: input.amount.currency.toUpperCase(),
        orderDescriptor: input.description.slice(0, 255) || undefined,
        paymentMode: 'CC',
        paymentType: options.paymentType,
        paymentBrand: paymentBrand(card.number),
        'card.number': card.number,
        'card.expiryMonth': card.expiryMonth,
        'card.expiryYear': card.expiryYear,
        'card.cvv': card.cvc,
        'card.holder': card.holder,
        'customer.givenName': givenName,
        'customer.surname': rest.join(' ') || undefined,
        merchantRedirectUrl: input.returnUrl,
        notificationUrl: input.notificationUrl,
      },
      PaymentAnswer,
      signal,
    );
    return initiationOf(input.reference, answer);
  }

  /** A payment answer as an initiation: 3-D Secure as our `form_post` (or `redirect` for a GET). */
  function initiationOf(reference: string, answer: PaymentAnswer): ProviderInitiation {
    const status = mapLogged(reference, answer);
    const providerData = { paymentId: answer.paymentId };
    const redirect = answer.redirect;
    if (redirect && answer.transactionStatus === '3D') {
      const fields = Object.fromEntries(redirect.parameters.map((p) => [p.name, p.value]));
      if (redirect.method.toUpperCase() === 'GET') {
        const url = new URL(redirect.url);
        for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
        return { providerRef: reference, providerData, status, next: { type: 'redirect', url: url.href } };
      }
      return {
        providerRef: reference,
        providerData,
        status,
        next: { type: 'form_post', url: redirect.url, fields },
      };
    }
    return { providerRef: reference, providerData, status, next: { type: 'none' } };
  }

  function mapLogged(reference: string, answer: PaymentAnswer): ProviderStatus {
    try {
      return mapCardGatewayStatus(answer.status, outcomeDescription(answer));
    } catch (error) {
      options.logger?.warn(
        { provider: 'cardgateway', providerRef: reference, status: answer.status.slice(0, 40) },
        'The card gateway reported an unsupported payment status',
      );
      throw error;
    }
  }

  /** The gateway's payment for our reference, or undefined (a 404 of the inquiry). */
  async function inquireByReference(
    reference: string,
    signal?: AbortSignal,
  ): Promise<PaymentAnswer | undefined> {
    try {
      return await client.read(
        'inquiry',
        {
          'authentication.memberId': memberId,
          'authentication.checksum': inquiryChecksum(memberId, secureKey, reference),
          idType: 'MID',
          merchantTransactionId: reference,
        },
        PaymentAnswer,
        signal,
      );
    } catch (error) {
      if (error instanceof CardGatewayApiError && error.providerStatus === 404) return undefined;
      throw error;
    }
  }

  async function findByReference(
    input: ProviderSessionInput,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation | undefined> {
    const answer = await inquireByReference(input.reference, signal);
    if (answer) {
      const found = initiationOf(input.reference, answer);
      // The ACS's one-time form is not in an inquiry's answer: the shopper follows the live status.
      return found.next.type === 'none' ? found : { ...found, next: { type: 'none' } };
    }
    return openedPages.has(input.reference) ? cardPage(input) : undefined;
  }

  /** The gateway's `paymentId` of a session: kept in `providerData`, else asked by our reference. */
  async function paymentIdOf(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<string | undefined> {
    const kept = payment.providerData?.paymentId;
    if (typeof kept === 'string' && kept !== '') return kept;
    return (await inquireByReference(payment.reference, signal))?.paymentId;
  }

  async function status(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<ProviderStatus> {
    const paymentId = await paymentIdOf(payment, signal);
    if (paymentId === undefined) return { status: 'pending', raw: CARD_ENTRY_STATUS };
    const answer = await client.read(
      `payments/${encodeURIComponent(paymentId)}`,
      {
        'authentication.memberId': memberId,
        'authentication.checksum': paymentIdChecksum(memberId, secureKey, paymentId),
        paymentType: 'IN',
        idType: 'PID',
      },
      PaymentAnswer,
      signal,
    );
    return mapLogged(payment.reference, answer);
  }

  /**
   * Callbacks carry `checksum = md5(paymentId|merchantTransactionId|amount|transactionStatus|secureKey)`:
   * verified in constant time before anything is read from them, so the status they report is
   * trusted (`notifications: 'signed'`). No checksum or a wrong one is a `SignatureError` (401).
   */
  async function parseNotification(raw: Uint8Array, headers: Headers): Promise<ParsedNotification> {
    const fields = readCallback(raw, headers.get('content-type') ?? '');
    if (typeof fields.checksum !== 'string' || fields.checksum === '') {
      throw new SignatureError('The card gateway callback carries no checksum.');
    }
    const parsed = CallbackFields.safeParse(fields);
    if (!parsed.success) {
      throw new ValidationError(
        'The card gateway callback lacks paymentId, merchantTransactionId, amount or a status.',
        {
          cause: parsed.error,
        },
      );
    }
    const callback = parsed.data;
    if (!sameChecksum(callbackChecksum(callback, secureKey), callback.checksum)) {
      throw new SignatureError('The card gateway callback checksum does not match.');
    }
    return {
      type: 'status',
      providerRef: callback.merchantTransactionId,
      notificationId: createHash('sha256').update(raw).digest('hex'),
      status: mapCardGatewayStatus(callback.status, outcomeDescription(callback)),
    };
  }

  async function backOffice(
    kind: 'CP' | 'RV' | 'RF',
    operation: OperationInput,
    signal?: AbortSignal,
  ): Promise<OperationOutcome> {
    const paymentId = await paymentIdOf(operation.payment, signal);
    if (paymentId === undefined) {
      return {
        status: 'failed',
        reason: 'The card gateway has no payment for this session.',
        raw: 'not_found',
      };
    }
    const amount = kind === 'RV' ? undefined : amountOf(operation.amount.value, operation.amount.currency);
    const answer = await client.write(
      `payments/${encodeURIComponent(paymentId)}`,
      {
        'authentication.memberId': memberId,
        'authentication.checksum':
          amount === undefined
            ? paymentIdChecksum(memberId, secureKey, paymentId)
            : amountOperationChecksum(memberId, secureKey, paymentId, amount),
        paymentType: kind,
        amount,
      },
      PaymentAnswer,
      signal,
    );
    const raw = `${answer.status}/${answer.transactionStatus}`;
    if (answer.transactionStatus === 'Y') return { status: 'succeeded', raw };
    if (answer.transactionStatus === 'P') return { status: 'pending', raw };
    return { status: 'failed', reason: answer.result.description || answer.result.code, raw };
  }

  return {
    id,
    kind: 'cardgateway',
    capabilities: {
      methods: ['card'],
      operations: { capture: 'partial', void: true, refund: 'partial' },
      notifications: 'signed',
      returnStyle: 'path',
    },
    sandbox: options.sandbox,
    redirectHosts: options.redirectHosts,
    initiate,
    payWithCard,
    findByReference,
    status,
    banks: async (): Promise<BankOption[]> => [],
    parseNotification,
    capture: (operation, signal) => backOffice('CP', operation, signal),
    void: (operation, signal) => backOffice('RV', operation, signal),
    refund: (operation, signal) => backOffice('RF', operation, signal),
  };
}

/** A callback's fields from JSON (what the gateway sends) or a form (accepted as well). */
function readCallback(raw: Uint8Array, contentType: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (error) {
    throw new ValidationError('The card gateway callback is not UTF-8 text.', { cause: error });
  }
  if (contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('The card gateway callback is neither JSON nor a form.', { cause: error });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError('The card gateway callback is not a JSON object.');
  }
  return json as Record<string, unknown>;
}

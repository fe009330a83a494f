import { createHash } from 'node:crypto';
import type { BankOption } from '@pay-checkout/contract';
import { ValidationError } from '../../errors.js';
import { toDecimalString, toMinorUnits } from '../../money.js';
import type {
  OperationInput,
  OperationOutcome,
  ParsedNotification,
  ProviderAdapter,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
} from '../provider.js';
import { createPaytechClient, PaytechApiError } from './client.js';
import type { ResolvedPaytechOptions } from './options.js';
import { type CreatePaymentRequest, PaymentAnswer, PaymentListAnswer, type PaymentResult } from './schema.js';
import { mapPaytechState } from './statuses.js';
import { PAYTECH_SIGNATURE_HEADER, verifyPaytechSignature } from './webhook-signature.js';

/** "string <= 512 characters" for `description`. */
const DESCRIPTION_MAX = 512;

/** What a failed operation's answer says, for the merchant view. */
type Refusable = 'payment' | 'capture' | 'void' | 'refund';

export function createPaytechAdapter(options: ResolvedPaytechOptions, id = 'paytech'): ProviderAdapter {
  const client = createPaytechClient(options);

  async function initiate(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation> {
    if (input.method !== 'card') throw new ValidationError(`pay.tech takes cards here, not ${input.method}.`);
    const body: CreatePaymentRequest = {
      paymentType: 'DEPOSIT',
      paymentMethod: 'BASIC_CARD',
      amount: decimal(input.amount.value, input.amount.currency),
      currency: input.amount.currency.toUpperCase(),
      referenceId: input.reference,
      description: input.description.slice(0, DESCRIPTION_MAX) || undefined,
      returnUrl: input.returnUrl,
      webhookUrl: input.notificationUrl,
      ...(options.capture === 'manual' ? { preAuth: true } : {}),
    };
    const { result } = await refusing('payment', () =>
      client.post({ path: 'api/v1/payments', body, signal }, PaymentAnswer),
    );
    return initiation(result, input);
  }

  /** A deposit as the kit keeps it: the page to send the shopper to, and the webhook URL refunds reuse. */
  function initiation(result: PaymentResult, input: ProviderSessionInput): ProviderInitiation {
    const status = mapLogged(result);
    return {
      providerRef: result.id,
      // Refunds are new payments at pay.tech and name their own `webhookUrl`: the session's one is kept.
      providerData: { webhookUrl: input.notificationUrl },
      next: result.redirectUrl ? { type: 'redirect', url: result.redirectUrl } : { type: 'none' },
      status,
    };
  }

  /**
   * `GET /api/v1/payments?referenceId.eq=…` (the last 24 hours, pay.tech's default window: the kit
   * reconciles within minutes). References are unique per session; the newest deposit wins if not.
   */
  async function findByReference(
    input: ProviderSessionInput,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation | undefined> {
    const { result } = await client.get(
      { path: 'api/v1/payments', query: { 'referenceId.eq': input.reference }, signal },
      PaymentListAnswer,
    );
    const found = result.find(
      (payment) =>
        (payment.paymentType ?? 'DEPOSIT') === 'DEPOSIT' && payment.referenceId === input.reference,
    );
    return found ? initiation(found, input) : undefined;
  }

  async function status(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<ProviderStatus> {
    const { result } = await client.get({ path: paymentPath(payment.providerRef), signal }, PaymentAnswer);
    return mapLogged(result);
  }

  /** Maps a state; an unsupported one is logged here, where the payment is known, and rethrown. */
  function mapLogged(result: PaymentResult): ProviderStatus {
    try {
      return mapPaytechState(result.state, result.errorCode);
    } catch (error) {
      options.logger?.warn(
        { provider: 'paytech', providerRef: result.id, status: result.state.slice(0, 40) },
        'pay.tech reported an unsupported payment state',
      );
      throw error;
    }
  }

  /**
   * Verifies `Signature` over the raw bytes first (a bad one → `SignatureError`, 401, nothing stored),
   * then reads the `PaymentResult`: a deposit's state is trusted and applied; a refund is a child
   * payment and settles the refund operation of its parent; anything else is not ours.
   */
  async function parseNotification(raw: Uint8Array, headers: Headers): Promise<ParsedNotification> {
    verifyPaytechSignature(raw, headers.get(PAYTECH_SIGNATURE_HEADER), options.signingKey);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (error) {
      throw new ValidationError('The pay.tech webhook is not a JSON document.', { cause: error });
    }
    const parsed = PaymentAnswer.shape.result.safeParse(json);
    if (!parsed.success) {
      throw new ValidationError('The pay.tech webhook is not a PaymentResult (id and state).', {
        cause: parsed.error,
      });
    }
    const payment = parsed.data;
    const notificationId = createHash('sha256').update(raw).digest('hex');
    switch (payment.paymentType ?? 'DEPOSIT') {
      case 'DEPOSIT':
        return { type: 'status', providerRef: payment.id, notificationId, status: mapLogged(payment) };
      case 'REFUND': {
        const outcome = refundOutcome(payment.state);
        if (!payment.parentPaymentId || !outcome) {
          return { type: 'ignore', notificationId, reason: `refund ${payment.id} is ${payment.state}` };
        }
        return {
          type: 'operation',
          providerRef: payment.parentPaymentId,
          notificationId,
          operation: {
            kind: 'refund',
            providerRef: payment.id,
            status: outcome,
            ...(payment.amount != null && payment.currency
              ? { amount: toMinorUnits(payment.amount, payment.currency) }
              : {}),
            raw: payment.errorCode ? `${payment.state} ${payment.errorCode}` : payment.state,
          },
        };
      }
      default:
        return {
          type: 'ignore',
          notificationId,
          reason: `a ${payment.paymentType} is not a checkout payment`,
        };
    }
  }

  async function capture(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome> {
    const { result } = await refusing('capture', () =>
      client.post(
        {
          path: `${paymentPath(operation.payment.providerRef)}/capture`,
          body: { amount: decimal(operation.amount.value, operation.amount.currency) },
          signal,
        },
        PaymentAnswer,
      ),
    );
    return settledBy(result, 'COMPLETED');
  }

  async function voidPayment(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome> {
    const { result } = await refusing('void', () =>
      client.post({ path: `${paymentPath(operation.payment.providerRef)}/void`, signal }, PaymentAnswer),
    );
    return settledBy(result, 'CANCELLED');
  }

  /**
   * A refund is a new payment of type REFUND naming its parent; our operation id is its `referenceId`.
   * pay.tech settles it later: `pending` now, its webhook (a child payment) settles the operation.
   */
  async function refund(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome> {
    const webhookUrl = operation.payment.providerData?.webhookUrl;
    const body: CreatePaymentRequest = {
      paymentType: 'REFUND',
      parentPaymentId: operation.payment.providerRef,
      amount: decimal(operation.amount.value, operation.amount.currency),
      currency: operation.amount.currency.toUpperCase(),
      referenceId: operation.operationId,
      ...(typeof webhookUrl === 'string' ? { webhookUrl } : {}),
    };
    const { result } = await refusing('refund', () =>
      client.post({ path: 'api/v1/payments', body, signal }, PaymentAnswer),
    );
    const outcome = refundOutcome(result.state);
    return {
      status: outcome ?? 'pending',
      providerRef: result.id,
      ...(outcome === 'failed' ? { reason: failureWords(result) } : {}),
      raw: result.state,
    };
  }

  return {
    id,
    kind: 'paytech',
    capabilities: {
      methods: ['card'],
      operations: { capture: 'partial', void: true, refund: 'partial' },
      notifications: 'signed',
      returnStyle: 'path',
    },
    sandbox: options.sandbox,
    redirectHosts: options.redirectHosts,
    initiate,
    findByReference,
    status,
    banks: async (): Promise<BankOption[]> => [],
    parseNotification,
    capture,
    void: voidPayment,
    refund,
  };
}

function paymentPath(providerRef: string): string {
  return `api/v1/payments/${encodeURIComponent(providerRef)}`;
}

/** Minor units → pay.tech's JSON number in major units (`1999` EUR → `19.99`). */
function decimal(minor: number, currency: string): number {
  return Number(toDecimalString(minor, currency));
}

/** A refund child payment: COMPLETED settles it, DECLINED or CANCELLED fails it, anything else is on its way. */
function refundOutcome(state: string): 'succeeded' | 'failed' | undefined {
  if (state === 'COMPLETED') return 'succeeded';
  if (state === 'DECLINED' || state === 'CANCELLED') return 'failed';
  return undefined;
}

/** A capture or void answers the payment at once: in the expected state it worked. */
function settledBy(result: PaymentResult, expected: 'COMPLETED' | 'CANCELLED'): OperationOutcome {
  return result.state === expected
    ? { status: 'succeeded', raw: result.state }
    : { status: 'failed', reason: failureWords(result), raw: result.state };
}

function failureWords(result: PaymentResult): string {
  return [result.state, result.errorCode, result.errorMessage].filter(Boolean).join(' ');
}

/**
 * pay.tech's refusals (a 4xx with its `errorCode`: an amount over the sandbox limit, a capture of a
 * payment that is not AUTHORIZED) become `provider_refused` (422) with pay.tech's code and words, so
 * the shopper or merchant reads why; outages (5xx, timeouts) and a 401 (a wrong Shop API Key, which
 * is ours to fix) stay as they are.
 */
async function refusing<T>(what: Refusable, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      !(error instanceof PaytechApiError) ||
      error.providerStatus === undefined ||
      error.providerStatus < 400 ||
      error.providerStatus >= 500 ||
      error.providerStatus === 401
    ) {
      throw error;
    }
    throw new PaytechApiError(`pay.tech refused the ${what}: ${error.message}`, {
      code: 'provider_refused',
      status: 422,
      providerStatus: error.providerStatus,
      ...(error.providerCode ? { providerCode: error.providerCode } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
      cause: error,
    });
  }
}

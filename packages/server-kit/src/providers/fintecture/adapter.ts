import { createHash } from 'node:crypto';
import type { BankOption } from '@pay-checkout/contract';
import { ValidationError } from '../../errors.js';
import { toDecimalString } from '../../money.js';
import { cachedBankList } from '../bank-list-cache.js';
import type {
  OperationInput,
  OperationOutcome,
  ParsedNotification,
  ProviderAdapter,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
  ReturnTarget,
} from '../provider.js';
import { FintectureClient } from './client.js';
import type { ResolvedFintectureOptions } from './options.js';
import {
  type ConnectRequest,
  ConnectResponse,
  PaymentList,
  PaymentResponse,
  ProviderList,
  RefundResponse,
  WebhookFields,
} from './schema.js';
import { FINTECTURE_STATUSES, mapFintectureStatus } from './statuses.js';
import { verifyFintectureWebhook } from './webhook-signature.js';

/** Banks change rarely; the options route asks on every checkout load. */
/** SEPA's limit for unstructured remittance information. */
const COMMUNICATION_MAX = 140;
/** The SEPA end-to-end id's limit; our references (`pc-` + 22 characters) fit. */
const END_TO_END_MAX = 35;
/** Where Fintecture offers bank payments (its coverage; routing skips it elsewhere). */
const COUNTRIES = ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PT', 'LU', 'AT', 'IE', 'FI', 'PL', 'LT', 'LV', 'EE'];
/** The SDK's README: EUR or GBP. */
const CURRENCIES = ['EUR', 'GBP'];

export function createFintectureAdapter(
  options: ResolvedFintectureOptions,
  id = 'fintecture',
): ProviderAdapter {
  const client = new FintectureClient(options);

  async function initiate(input: ProviderSessionInput, signal?: AbortSignal): Promise<ProviderInitiation> {
    if (input.method !== 'pis')
      throw new ValidationError(`Fintecture takes bank payments (pis), not ${input.method}.`);
    const body: ConnectRequest = {
      data: {
        type: 'SEPA',
        attributes: {
          amount: toDecimalString(input.amount.value, input.amount.currency),
          currency: input.amount.currency.toUpperCase(),
          communication: (input.description || input.reference).slice(0, COMMUNICATION_MAX),
          end_to_end_id: input.reference.slice(0, END_TO_END_MAX),
        },
      },
      meta: {},
    };
    const created = await client.post(
      {
        path: 'pis/v2/connect',
        // The SDK's order: origin_uri (none: Connect's own cancel returns through redirect_uri), redirect_uri, state.
        query: { redirect_uri: input.returnUrl, state: input.state },
        headers: connectHeaders(input),
        signal,
      },
      body,
      ConnectResponse,
    );
    return {
      providerRef: created.meta.session_id,
      next: { type: 'redirect', url: created.meta.url },
      status: mapFintectureStatus(
        typeof created.meta.status === 'string' ? created.meta.status : 'provider_required',
      ),
    };
  }

  function connectHeaders(input: ProviderSessionInput): Record<string, string> {
    const headers: Record<string, string> = { 'x-psu-type': options.psuType };
    if (input.country && /^[A-Za-z]{2}$/.test(input.country))
      headers['x-country'] = input.country.toUpperCase();
    const language = input.language?.split('-')[0];
    if (language && /^[A-Za-z]{2}$/.test(language)) headers['x-language'] = language.toLowerCase();
    // The shopper chose the bank in the element: Connect skips its bank list.
    if (input.bank) headers['x-provider'] = input.bank;
    return headers;
  }

  async function findByReference(
    input: ProviderSessionInput,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation | undefined> {
    const reference = input.reference.slice(0, END_TO_END_MAX);
    const { data } = await client.get(
      { path: 'pis/v1/payments', query: { 'filter[end_to_end_id]': reference }, signal },
      PaymentList,
    );
    const found = data
      .filter((payment) => payment.attributes.end_to_end_id === reference)
      .sort((a, b) => (b.attributes.created_at ?? '').localeCompare(a.attributes.created_at ?? ''))[0];
    if (!found) return undefined;
    return {
      providerRef: found.id,
      // The list carries no Connect URL: the shopper lands on our return page, which follows the status.
      next: { type: 'none' },
      status: mapLogged(found.id, found.attributes.status, found.attributes.status_reason),
    };
  }

  async function status(payment: ProviderPaymentRef, signal?: AbortSignal): Promise<ProviderStatus> {
    const { meta } = await client.get(
      { path: `pis/v1/payments/${encodeURIComponent(payment.providerRef)}`, signal },
      PaymentResponse,
    );
    return mapLogged(payment.providerRef, meta.status, meta.status_reason);
  }

  function mapLogged(providerRef: string, raw: string, reason: string | undefined): ProviderStatus {
    try {
      return mapFintectureStatus(raw, reason);
    } catch (error) {
      options.logger?.warn(
        { provider: 'fintecture', providerRef, status: raw.slice(0, 40) },
        'Fintecture reported an unsupported payment status',
      );
      throw error;
    }
  }

  const banks = cachedBankList(
    (code, signal) =>
      client
        .get(
          {
            path: 'res/v1/providers',
            query: { 'filter[country]': code, 'filter[pis]': 'SEPA', 'filter[psu_type]': options.psuType },
            signal,
          },
          ProviderList,
        )
        .then(({ data }) =>
          data.map(
            (bank): BankOption => ({
              id: bank.id,
              name: bank.attributes.name,
              country: bank.attributes.country.toUpperCase(),
              ...(bank.attributes.logo_url ? { logo: bank.attributes.logo_url } : {}),
              ...(bank.attributes.bic ? { bic: bank.attributes.bic } : {}),
              provider: id,
            }),
          ),
        ),
    'FR',
  );

  /**
   * Fintecture signs its webhooks (webhook-signature.ts), so a verified one is trusted: its status is
   * applied without asking again. Retries of one event carry the same body, so the body's hash is the
   * inbox's dedupe key.
   */
  async function parseNotification(raw: Uint8Array, headers: Headers): Promise<ParsedNotification> {
    verifyFintectureWebhook(raw, headers, {
      appId: options.appId,
      privateKey: options.privateKey,
      toleranceMs: options.webhookToleranceMs,
    });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch (error) {
      throw new ValidationError('The Fintecture webhook body is not UTF-8.', { cause: error });
    }
    const notificationId = createHash('sha256').update(raw).digest('hex');
    const parsed = WebhookFields.safeParse(Object.fromEntries(new URLSearchParams(text)));
    if (!parsed.success) {
      throw new ValidationError(
        'The Fintecture webhook does not name a session and a status (session_id, status).',
        {
          cause: parsed.error,
        },
      );
    }
    const fields = parsed.data;
    if (fields.event !== undefined && !fields.event.startsWith('payment_session.status.')) {
      return {
        type: 'ignore',
        notificationId,
        reason: `event ${fields.event.slice(0, 60)} is not a payment status`,
      };
    }
    const known = (FINTECTURE_STATUSES as readonly string[]).includes(fields.status);
    return {
      type: 'status',
      providerRef: fields.session_id,
      notificationId,
      // An unknown status word is passed on as a hint: the kit reads the session, which logs it.
      ...(known ? { status: mapFintectureStatus(fields.status, fields.status_reason) } : {}),
    };
  }

  /** Connect sends every shopper to our one `return/{id}` with `session_id`, `status` and our `state`. */
  function resolveReturn(url: URL): ReturnTarget | undefined {
    const state = url.searchParams.get('state');
    if (state) return { state };
    const sessionId = url.searchParams.get('session_id');
    return sessionId ? { providerRef: sessionId } : undefined;
  }

  /** `POST pis/v1/refund`: answered at once on our stage (`refund_created`); a refusal throws (the kit records it failed). */
  async function refund(operation: OperationInput, signal?: AbortSignal): Promise<OperationOutcome> {
    const answer = await client.post(
      { path: 'pis/v1/refund', signal },
      {
        meta: { session_id: operation.payment.providerRef },
        data: { attributes: { amount: toDecimalString(operation.amount.value, operation.amount.currency) } },
      },
      RefundResponse,
    );
    return { status: 'succeeded', providerRef: answer.meta.session_id, raw: answer.meta.status };
  }

  return {
    id,
    kind: 'fintecture',
    capabilities: {
      methods: ['pis'],
      countries: COUNTRIES,
      currencies: CURRENCIES,
      operations: { refund: 'partial' },
      notifications: 'signed',
      returnStyle: 'state',
    },
    sandbox: options.sandbox,
    redirectHosts: options.redirectHosts,
    initiate,
    findByReference,
    status,
    banks,
    parseNotification,
    resolveReturn,
    refund,
  };
}

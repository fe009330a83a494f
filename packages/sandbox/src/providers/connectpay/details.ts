import { createHash } from 'node:crypto';
import { SANDBOX_BAAS } from './accounts.js';
import { findBank } from './banks.js';
import type { ConnectPayMethod, ConnectPayStatus, ConnectPayStatusReason, SandboxPayment } from './model.js';

/**
 * The Get payment details body (packages/sandbox/README.md, ConnectPay's wire "Get-details response fields seen"), which is also the
 * notification body. Field names are ConnectPay's; `status` / `statusReason` are our documented choice.
 */
export interface ConnectPayPaymentDetails {
  merchant: { brandId: string; generic1?: string; generic2?: string; generic3?: string };
  payment: {
    paymentId: string;
    paymentMethod: ConnectPayMethod | null;
    providerId?: string;
    providerName?: string;
    providerCountryCode?: string;
    instructedAmount: { amount: string; currency: string };
    remittanceInformationUnstructured?: string;
    creditorName: string;
    creditorAccount: { iban: string };
    debtorAccount?: { bban: string; bic: string };
    card?: { brand: string; last4: string };
    status: ConnectPayStatus;
    statusReason?: ConnectPayStatusReason;
    createdAt: string;
    updatedAt: string;
  };
  identifiers: { merchantReference?: string; creditorReference: string; endToEndId?: string };
  consumer?: { consumerId?: string; firstName?: string; lastName?: string; ipAddress?: string };
}

/** The merchant side of every non-top-up sandbox payment (our choice: one fictional merchant account). */
export const SANDBOX_MERCHANT_CREDITOR = {
  name: 'Sandbox Merchant UAB',
  iban: 'LT213250000000000001',
} as const;

/** Facts the book does not keep but the wire shows. */
export interface DetailsContext {
  brandId: string;
  /** Top-ups: the onboarded consumer. */
  consumerId?: string;
}

/** Statuses after which the shopper's bank account is known (login done). */
const DEBTOR_KNOWN: readonly ConnectPayStatus[] = ['Pending', 'PendingProvider', 'Completed'];

export function toDetails(payment: SandboxPayment, context: DetailsContext): ConnectPayPaymentDetails {
  const bank = payment.providerId ? findBank(payment.providerId) : undefined;
  const method = payment.method ?? (payment.allowedMethods.length === 1 ? payment.allowedMethods[0] : null);
  const topUpAccount =
    payment.kind === 'topup'
      ? SANDBOX_BAAS.accounts.find((account) => account.iban === payment.creditorIban)
      : undefined;
  const consumer = {
    ...(payment.consumer ?? {}),
    ...(context.consumerId ? { consumerId: context.consumerId } : {}),
  };
  return {
    merchant: { brandId: context.brandId, ...payment.generic },
    payment: {
      paymentId: payment.paymentId,
      paymentMethod: method,
      ...(bank ? { providerId: bank.providerId, providerName: bank.name } : {}),
      ...(payment.providerCountryCode ? { providerCountryCode: payment.providerCountryCode } : {}),
      instructedAmount: { amount: payment.amount, currency: payment.currency },
      ...(payment.remittanceInformationUnstructured !== undefined
        ? { remittanceInformationUnstructured: payment.remittanceInformationUnstructured }
        : {}),
      creditorName: topUpAccount?.holderName ?? SANDBOX_MERCHANT_CREDITOR.name,
      creditorAccount: { iban: payment.creditorIban ?? SANDBOX_MERCHANT_CREDITOR.iban },
      ...(method === 'PIS' && bank && DEBTOR_KNOWN.includes(payment.status)
        ? { debtorAccount: { bban: fakeBban(payment.paymentId), bic: bank.bic } }
        : {}),
      ...(payment.card ? { card: { ...payment.card } } : {}),
      status: payment.status,
      ...(payment.statusReason ? { statusReason: payment.statusReason } : {}),
      createdAt: payment.createdAt,
      updatedAt: statusEnteredAt(payment),
    },
    identifiers: {
      ...(payment.merchantReference !== undefined ? { merchantReference: payment.merchantReference } : {}),
      creditorReference: creditorReference(payment.paymentId),
      ...(payment.endToEndId !== undefined ? { endToEndId: payment.endToEndId } : {}),
    },
    ...(Object.keys(consumer).length > 0 ? { consumer } : {}),
  };
}

/**
 * `updatedAt` on the wire is when the payment entered its current status. The book also bumps its own
 * `updatedAt` for history notes (e.g. each notification attempt), which must not make a notification body
 * differ from a later Get payment details of the same status.
 */
function statusEnteredAt(payment: SandboxPayment): string {
  const { history } = payment;
  for (let index = history.length - 1; index > 0; index -= 1) {
    if (history[index - 1].status !== history[index].status) return history[index].at;
  }
  return history[0]?.at ?? payment.createdAt;
}

/** A stable reference derived from the payment id (ConnectPay issues its own; the format is ours). */
export function creditorReference(paymentId: string): string {
  return `CP${createHash('sha256').update(paymentId).digest('hex').slice(0, 12).toUpperCase()}`;
}

/** A stable, obviously fake domestic account number for the shopper's bank account. */
function fakeBban(paymentId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(`bban:${paymentId}`).digest('hex').slice(0, 15)}`);
  return digits.toString().padStart(16, '0').slice(0, 16);
}

/**
 * The card REST gateway in the demo: `CARDGATEWAY_*` variables, and without `CARDGATEWAY_BASE_URL`
 * the sandbox's card gateway stage with its test merchant (`cardGatewayTestMerchant`). The demo
 * authorizes (`PA`) by default, so the back office can capture, void and refund; set
 * `CARDGATEWAY_PAYMENT_TYPE=DB` to charge at once. Cards reach it only when pinned
 * (`/checkout/pay/<order>?provider=cardgateway`) or when ConnectPay, first in the card route, fails
 * without creating a payment: the shop's card journeys stay ConnectPay's.
 */
import { cardGatewayTestMerchant } from '@pay-checkout/sandbox';
import { type CardEntryAdapter, cardGateway } from '@pay-checkout/server-kit';
import { DemoConfigError } from '../config.js';

type Env = Record<string, string | undefined>;

export interface CardGatewayTarget {
  /** Absent: the in-process sandbox's stage. */
  baseUrl?: string;
  memberId: string;
  secureKey: string;
  terminalId: string;
  username?: string;
  partnerId?: string;
  paymentType: 'DB' | 'PA';
}

/** Reads `CARDGATEWAY_*`; the first missing variable is named (never a value: the key is a secret). */
export function cardGatewayTarget(env: Env): CardGatewayTarget {
  const paymentType = env.CARDGATEWAY_PAYMENT_TYPE || 'PA';
  if (paymentType !== 'DB' && paymentType !== 'PA') {
    throw new DemoConfigError(
      `CARDGATEWAY_PAYMENT_TYPE must be DB or PA, got ${JSON.stringify(paymentType)}`,
    );
  }
  const baseUrl = env.CARDGATEWAY_BASE_URL;
  if (!baseUrl) {
    const { memberId, secureKey, terminalId } = cardGatewayTestMerchant;
    return { memberId, secureKey, terminalId, paymentType };
  }
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new DemoConfigError(`${name} is required when CARDGATEWAY_BASE_URL is set`);
    return value;
  };
  return {
    baseUrl,
    memberId: required('CARDGATEWAY_MEMBER_ID'),
    secureKey: required('CARDGATEWAY_SECURE_KEY'),
    terminalId: required('CARDGATEWAY_TERMINAL_ID'),
    ...(env.CARDGATEWAY_USERNAME ? { username: env.CARDGATEWAY_USERNAME } : {}),
    ...(env.CARDGATEWAY_PARTNER_ID ? { partnerId: env.CARDGATEWAY_PARTNER_ID } : {}),
    paymentType,
  };
}

/** The adapter for a target; the sandbox's stage lives at `{sandboxUrl}/cardgateway`. */
export function cardGatewayProvider(
  target: CardGatewayTarget,
  sandboxUrl: string | undefined,
): CardEntryAdapter {
  const baseUrl = target.baseUrl ?? (sandboxUrl ? `${sandboxUrl}/cardgateway` : undefined);
  if (!baseUrl) throw new Error('the sandbox must be started before the checkout');
  const { baseUrl: _unused, ...options } = target;
  return cardGateway({ ...options, baseUrl });
}

import type { PaymentMethod } from '@pay-checkout/contract';

/** The wallet methods whose availability depends on the shopper's browser and device. */
export type WalletMethod = Extract<PaymentMethod, 'applepay' | 'googlepay'>;

/** Why a wallet is hidden: the browser lacks the API, or it has it but says it cannot pay. */
export type WalletUnavailableReason = 'unsupported' | 'cannot-make-payments' | 'error';

export type WalletAvailability = { available: true } | { available: false; reason: WalletUnavailableReason };

interface ApplePaySessionStatic {
  canMakePayments(): boolean;
}

// Google Pay's documented PaymentRequest method and a minimal request, used only to ask the browser
// whether it can pay; no payment starts. https://developers.google.com/pay/api/web/guides/paymentrequest
const GOOGLE_PAY_METHOD = 'https://google.com/pay';
const GOOGLE_PAY_DATA = {
  apiVersion: 2,
  apiVersionMinor: 0,
  allowedPaymentMethods: [
    {
      type: 'CARD',
      parameters: {
        allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
        allowedCardNetworks: ['MASTERCARD', 'VISA'],
      },
    },
  ],
};

async function applePay(): Promise<WalletAvailability> {
  const session = (globalThis as { ApplePaySession?: ApplePaySessionStatic }).ApplePaySession;
  if (!session?.canMakePayments) return { available: false, reason: 'unsupported' };
  return session.canMakePayments()
    ? { available: true }
    : { available: false, reason: 'cannot-make-payments' };
}

async function googlePay(): Promise<WalletAvailability> {
  if (typeof PaymentRequest !== 'function') return { available: false, reason: 'unsupported' };
  const probe = new PaymentRequest([{ supportedMethods: GOOGLE_PAY_METHOD, data: GOOGLE_PAY_DATA }], {
    total: { label: 'probe', amount: { currency: 'EUR', value: '0.00' } },
  });
  return (await probe.canMakePayment())
    ? { available: true }
    : { available: false, reason: 'cannot-make-payments' };
}

/** Asks the browser whether `method` can be used here. Never throws: a failed check hides the wallet. */
export async function walletAvailability(method: WalletMethod): Promise<WalletAvailability> {
  try {
    return await (method === 'applepay' ? applePay() : googlePay());
  } catch {
    return { available: false, reason: 'error' };
  }
}

export function isWallet(method: string): method is WalletMethod {
  return method === 'applepay' || method === 'googlepay';
}

import type { Page } from '@playwright/test';

/**
 * Makes the browser look wallet-ready, so `<pay-checkout>` offers Google Pay and Apple Pay: Apple Pay's
 * `ApplePaySession.canMakePayments()` and the Payment Request availability probe answer yes. Only the
 * probes are answered; no browser payment sheet opens and nothing is fetched from Google or Apple: the
 * sandbox plays the wallet's sheet on the provider's page. Call before the checkout page loads.
 */
export async function simulateWallets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.ApplePaySession = { canMakePayments: () => true };
    class WalletReadyPaymentRequest {
      canMakePayment(): Promise<boolean> {
        return Promise.resolve(true);
      }
    }
    w.PaymentRequest = WalletReadyPaymentRequest;
  });
}

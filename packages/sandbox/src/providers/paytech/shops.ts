/**
 * The stage's shops (merchant accounts): each has a Shop API Key (`Authorization: Bearer …`) and a
 * Shop Signing Key (the webhooks' HMAC key). One test shop ships with the stage; tests may register
 * more through the admin API (`POST {base}/admin/shops`), e.g. for a second adapter instance.
 */
import { randomBytes } from 'node:crypto';

export interface PaytechShop {
  shopId: string;
  apiKey: string;
  signingKey: string;
  /** The shop's webhook setting: used when a payment names no `webhookUrl` (our choice: none by default). */
  webhookUrl?: string;
}

/** The test shop every pay.tech stage knows (test data, not a secret): `paytechTestShop` in the package exports. */
export const PAYTECH_TEST_SHOP: Readonly<PaytechShop> = Object.freeze({
  shopId: 'shop-test',
  apiKey: 'sandbox-paytech-shop-api-key-9f2c41d7',
  signingKey: 'sandbox-paytech-signing-key-3b8e60a5',
});

/** What `@pay-checkout/sandbox` exports for adapters: `{apiKey, signingKey}` of the test shop. */
export const paytechTestShop = Object.freeze({
  apiKey: PAYTECH_TEST_SHOP.apiKey,
  signingKey: PAYTECH_TEST_SHOP.signingKey,
});

export interface ShopDirectory {
  byApiKey(apiKey: string): PaytechShop | undefined;
  get(shopId: string): PaytechShop | undefined;
  register(input: { shopId?: string; webhookUrl?: string }): PaytechShop;
  setWebhookUrl(shopId: string, webhookUrl: string | undefined): PaytechShop | undefined;
  list(): PaytechShop[];
  reset(): void;
}

export function createShopDirectory(): ShopDirectory {
  const shops = new Map<string, PaytechShop>();
  const seed = () => {
    shops.clear();
    shops.set(PAYTECH_TEST_SHOP.shopId, { ...PAYTECH_TEST_SHOP });
  };
  seed();
  return {
    byApiKey: (apiKey) => [...shops.values()].find((shop) => shop.apiKey === apiKey),
    get: (shopId) => shops.get(shopId),
    register: (input) => {
      const shop: PaytechShop = {
        shopId: input.shopId ?? `shop-${randomBytes(4).toString('hex')}`,
        apiKey: `sandbox-paytech-${randomBytes(12).toString('hex')}`,
        signingKey: randomBytes(24).toString('hex'),
        ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
      };
      shops.set(shop.shopId, shop);
      return shop;
    },
    setWebhookUrl: (shopId, webhookUrl) => {
      const shop = shops.get(shopId);
      if (!shop) return undefined;
      if (webhookUrl) shop.webhookUrl = webhookUrl;
      else delete shop.webhookUrl;
      return shop;
    },
    list: () => [...shops.values()],
    reset: seed,
  };
}

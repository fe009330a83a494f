import { expect, test } from '@playwright/test';
import type { BackOffice, SandboxPayment, SessionView } from './pages/back-office.js';
import type { CheckoutPage, PaymentChoice } from './pages/checkout-page.js';
import type { OrderPage, OrderState } from './pages/order-page.js';
import type { ReturnPage } from './pages/return-page.js';
import type { SandboxWidget } from './pages/sandbox-widget.js';
import type { ShopPage } from './pages/shop-page.js';

/** How a payment ends, as server-kit and its return page name it. */
export type FinalStatus = 'succeeded' | 'failed' | 'cancelled';

export interface ReturnOptions {
  /** Saves a screenshot of the return page under this name once it shows the status. */
  screenshot?: string;
}

export interface FinalStateOptions extends ReturnOptions {
  /** More of `GET sessions/:id` to expect than the status (method, amount, reason). */
  session?: Partial<SessionView>;
}

export interface OrderOptions extends ReturnOptions {
  /** Expect this order, with the session the shop reads its status from, in the URL. */
  orderId?: string;
}

const METHOD_NAMES: Record<PaymentChoice['method'], string> = {
  pis: 'bank payment',
  card: 'card',
  googlepay: 'Google Pay',
  applepay: 'Apple Pay',
};

function describeChoice(choice: PaymentChoice): string {
  const bank = choice.bank ? ` at ${choice.bank.name}` : '';
  const country = choice.country ? ` (billing country ${choice.country})` : '';
  return `${METHOD_NAMES[choice.method]}${bank}${country}`;
}

/**
 * The phases the shop journeys share: check out and leave for the provider's widget, come back to the
 * return page, and the checks behind the browser that every journey ends with. The shared phases are
 * boxed `test.step`s, so a report reads as the journey and a failure points at the spec's line.
 * It remembers the widget key of the payment it opened: the sandbox's admin API knows the payment by it.
 */
export class Journey {
  #widgetKey: string | undefined;

  constructor(
    readonly shop: ShopPage,
    readonly checkout: CheckoutPage,
    readonly widget: SandboxWidget,
    readonly returnPage: ReturnPage,
    readonly order: OrderPage,
    readonly backOffice: BackOffice,
    private readonly snap: (name: string) => Promise<void>,
  ) {}

  /** The key of the payment the widget opened (after `pay` or `arriveAtWidget`). */
  get widgetKey(): string {
    if (!this.#widgetKey) throw new Error('no payment opened yet: call pay() or arriveAtWidget() first');
    return this.#widgetKey;
  }

  /** From the shop front: the product in the cart, checkout, pay as chosen; ends at the widget. */
  async checkOut(product: string, choice: PaymentChoice): Promise<string> {
    return test.step(
      `put "${product}" in the cart, check out, pay by ${describeChoice(choice)}`,
      async () => {
        const orderId = await this.shop.buy(product);
        await this.checkout.choose(choice);
        await this.pay();
        return orderId;
      },
      { box: true },
    );
  }

  /** Pay on the checkout page as it is chosen; ends at the provider's widget. */
  async pay(): Promise<void> {
    await this.checkout.pay();
    await this.arriveAtWidget();
  }

  /** The browser has left for the provider's widget (however the shopper pressed Pay). */
  async arriveAtWidget(): Promise<void> {
    await this.widget.waitUntilOpen();
    this.#widgetKey = this.widget.key();
  }

  /** The sandbox's view of the payment the widget opened. */
  async sandboxPayment(): Promise<SandboxPayment> {
    return this.backOffice.sandboxPayment(this.widgetKey);
  }

  /** "Return to merchant" at the provider: the shop's return page opens and says `status`. */
  async returnToShop(status: FinalStatus | 'processing', options: ReturnOptions = {}): Promise<void> {
    await test.step(
      `back at the shop: the return page says ${status}`,
      async () => {
        await this.widget.returnToMerchant.click();
        await this.returnPage.waitUntilOpen();
        await this.returnPage.expectHeading(this.returnPage.texts[status]);
        if (options.screenshot) await this.snap(options.screenshot);
      },
      { box: true },
    );
  }

  /**
   * server-kit agrees with the return page: `GET sessions/:id` says `status` (and `options.session`),
   * and the provider's final notification was delivered and applied exactly once.
   */
  async expectServerAgrees(status: FinalStatus, options: FinalStateOptions = {}): Promise<void> {
    await test.step(
      `server-kit says ${status} (GET sessions/:id), the notification applied once`,
      async () => {
        const sessionId = this.returnPage.sessionId();
        expect(await this.backOffice.session(sessionId)).toMatchObject({ ...options.session, status });
        await this.backOffice.expectAppliedOnce(sessionId, this.widgetKey, status);
      },
      { box: true },
    );
  }

  /** The end of a journey: the return page, `GET sessions/:id` and the notification agree on `status`. */
  async expectFinalState(status: FinalStatus, options: FinalStateOptions = {}): Promise<void> {
    await this.returnToShop(status, options);
    await this.expectServerAgrees(status, options);
  }

  /** "Return to merchant" on the return page: the shop's order page tells `state`. */
  async returnToOrder(state: OrderState, options: OrderOptions = {}): Promise<void> {
    await test.step(
      `Return to merchant: the order page says ${state}`,
      async () => {
        await this.returnPage.returnToMerchant.click();
        if (options.orderId) {
          await expect(this.order.page).toHaveURL(new RegExp(`/orders/${options.orderId}\\?session=`));
        }
        await this.order.expectState(state);
        if (options.screenshot) await this.snap(options.screenshot);
      },
      { box: true },
    );
  }
}

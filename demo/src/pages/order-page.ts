import type { Order, OrderPayment } from '../orders.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { orderSummary } from './order-summary.js';

export type { OrderPayment };

const REASONS: Record<string, string> = {
  insufficient_funds: 'Your bank declined the payment: insufficient funds.',
  card_lost_or_stolen: 'The card was reported lost or stolen, so the payment was declined.',
  declined: 'The payment was declined.',
  authentication_failed: 'The payment could not be authenticated.',
  cancelled_by_shopper: 'You cancelled the payment.',
  provider_error: 'The payment provider had a problem.',
  expired: 'The payment was not completed in time.',
};

function statusNotice(order: Order, payment: OrderPayment | undefined): SafeHtml {
  const payAgain = html`<p><a class="button" href="/orders/${order.id}/pay">Pay now</a></p>`;
  if (!payment) {
    return html`<div class="notice warn"><h2>Awaiting payment</h2><p>This order has not been paid yet.</p></div>${payAgain}`;
  }
  switch (payment.status) {
    case 'authorized':
    case 'succeeded':
      return html`<div class="notice"><h2>Thank you! Payment received</h2><p>${
        order.kind === 'topup'
          ? 'The money is on its way to your Lumen wallet.'
          : 'Your order is confirmed. We will email you when it ships.'
      }</p></div>`;
    case 'failed':
      return html`<div class="notice bad"><h2>Payment failed</h2><p>${REASONS[payment.reason ?? ''] ?? REASONS.declined}</p></div>${payAgain}`;
    case 'cancelled':
      return html`<div class="notice bad"><h2>Payment cancelled</h2><p>No money was taken. You can try again.</p></div>${payAgain}`;
    case 'expired':
      return html`<div class="notice bad"><h2>Payment expired</h2><p>${REASONS.expired}</p></div>${payAgain}`;
    default:
      return payment.reason === 'manual_review'
        ? html`<div class="notice warn"><h2>Payment under review</h2><p>Our payment provider is checking this payment
            manually. We will confirm your order as soon as it is approved.</p></div>`
        : html`<div class="notice warn"><h2>Payment in progress</h2><p>Your bank has not confirmed the payment yet.
            This page shows the latest status when you reload it.</p></div>`;
  }
}

/** `/orders/:id`: where the shopper lands after "Return to merchant". */
export function renderOrderPage(input: { order: Order; nonce: string; cartCount: number }) {
  return layout({
    title: `Order ${input.order.id}`,
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<h1>Your order</h1>
    <div class="checkout">
      <section aria-labelledby="status-heading" class="stack">
        <h2 id="status-heading" class="visually-hidden">Payment status</h2>
        <div role="status">${statusNotice(input.order, input.order.payment)}</div>
        <p><a href="/">Continue shopping</a></p>
      </section>
      ${orderSummary(input.order)}
    </div>`,
  });
}

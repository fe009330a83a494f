import type { Order } from '../orders.js';
import { formatMoney } from './format.js';
import { html } from './html.js';

/** The order's lines and total, shown beside the checkout and on the order page. */
export function orderSummary(order: Order) {
  return html`<section class="card" aria-labelledby="summary-heading">
    <h2 id="summary-heading">Order summary</h2>
    <table>
      <caption class="visually-hidden">Order ${order.id}</caption>
      <tbody>
      ${order.lines.map(
        (line) => html`<tr><th scope="row">${line.qty} × ${line.name}</th>
          <td class="num">${formatMoney(line.qty * line.unitPrice, order.currency)}</td></tr>`,
      )}
      </tbody>
      <tfoot><tr><th scope="row">Total</th><td class="num">${formatMoney(order.total, order.currency)}</td></tr></tfoot>
    </table>
    <p class="muted">Order <span translate="no">${order.id}</span></p>
  </section>`;
}

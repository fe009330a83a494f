/**
 * Step "wallet": a simulated Google Pay / Apple Pay payment sheet (no wallet is contacted). Its two
 * buttons are named plainly "Pay" and "Cancel payment", as on a real sheet; the total sits above them.
 */
import { type Html, html } from '../../../shared/pages/html.js';
import { renderPage } from '../../../shared/pages/layout.js';
import type { SandboxPayment } from '../model.js';
import { formatAmount, frameOf, hiddenFields, type PageContext, widgetPath } from './context.js';

export function walletPage(context: PageContext, payment: SandboxPayment): Html {
  const { messages } = context;
  const wallet = payment.method === 'ApplePay' ? 'ApplePay' : 'GooglePay';
  const title = messages.walletTitle(messages.methods[wallet]);
  return renderPage(frameOf(context), {
    title,
    cancel: true,
    panelClass: `sheet ${wallet.toLowerCase()}`,
    body: html`<h1 id="step-title">${title}</h1>
<p class="intro">${messages.walletIntro}</p>
<p class="wallet-card">${messages.walletCard}</p>
<p class="wallet-total">${messages.amount}: <strong>${formatAmount(payment, messages.locale)}</strong></p>
<form method="post" action="${widgetPath(context, 'wallet')}">
${hiddenFields(context)}
<button type="submit" class="wide pay" autofocus>${messages.walletPay}</button>
</form>`,
  });
}

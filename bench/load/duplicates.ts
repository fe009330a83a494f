// Second provider payments of one order, split by whether a shopper could ever reach them
// (docs/several-instances.md, "Second payments a shopper cannot reach"). A reachable one is a real
// duplicate: its widget was served to someone, its page was handed out in a 201, or it went as far as
// Completed / manual review. An unreachable one exists only at the provider: the kit found it by our
// reference after a lost answer, got no page for the shopper with it (ConnectPay's details carry none),
// kept it watched and opened a fresh attempt; nobody has its widget key, so it can only expire. Each
// unreachable one is checked against the kit's attempts ledger for that cause.
import type { RunningSandbox, WidgetVisits } from '@pay-checkout/sandbox';
import type { OrderLedger } from './kit-ledger.js';
import type { OrderRecord } from './shopper.js';

/** The ledger's mark on a try whose found payment named no page (server-kit's `ABANDONED_NO_SHOPPER_PAGE`). */
export const ABANDONED_NO_SHOPPER_PAGE = 'abandoned_no_shopper_page';

export interface DuplicateFigures {
  /** Payments beyond the first of each order, all kinds (the criterion's original count). */
  duplicateProviderPayments: number;
  /** (a) Second payments a shopper could reach: served, handed out, or paid / in review. Must be 0. */
  reachableDuplicatePayments: number;
  /** (b) Second payments nobody could reach (never served nor handed out, never paid). Reported. */
  unreachableDuplicatePayments: number;
  /**
   * (b) by the cause the kit's ledger gives for the payment's session: `abandoned_no_shopper_page`
   * (found by reference after a lost answer, no page; kept, watched, a fresh attempt opened), or what
   * else the ledger showed, which the run counts as unexplained.
   */
  unreachableByCause: Record<string, number>;
  /** Orders with two completed payments. */
  chargedTwice: number;
}

type SandboxPayment = ReturnType<RunningSandbox['connectPay']['book']['list']>[number];

const PAID_OR_REVIEW = new Set(['Completed', 'PendingProvider']);

/**
 * Classifies every payment of an order other than the order's own: the one its acknowledged session
 * answered with (our reference `pc-<sessionId>`), or for an order never acknowledged (the shopper gave
 * up on 409 / 504 answers) its latest payment the kit did not abandon. Prints one line per second
 * payment, with the time of its try (`at`: ms since the run's start) so it can be set beside the kill.
 * `ledgerOf` reads the kit's view of an order (`GET merchant/orders/:id`).
 */
export async function classifyDuplicates(
  payments: SandboxPayment[],
  orders: OrderRecord[],
  visits: WidgetVisits,
  ledgerOf: (orderId: string) => Promise<OrderLedger | undefined>,
  at: (epochMs: number) => string,
): Promise<DuplicateFigures> {
  const byOrder = new Map<string, SandboxPayment[]>();
  for (const payment of [...payments].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const orderId = payment.remittanceInformationUnstructured?.replace(/^Order /, '') ?? '';
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), payment]);
  }
  const recordOf = new Map(orders.map((order) => [order.orderId, order]));
  const figures: DuplicateFigures = {
    duplicateProviderPayments: 0,
    reachableDuplicatePayments: 0,
    unreachableDuplicatePayments: 0,
    unreachableByCause: {},
    chargedTwice: 0,
  };
  for (const [orderId, list] of byOrder) {
    if (list.filter((payment) => payment.status === 'Completed').length > 1) figures.chargedTwice++;
    if (list.length < 2) continue;
    const record = recordOf.get(orderId);
    const ledger = await ledgerOf(orderId);
    const sessionOf = (payment: SandboxPayment) =>
      ledger?.sessions.find((s) => `pc-${s.sessionId}` === payment.merchantReference);
    const abandoned = (payment: SandboxPayment) =>
      sessionOf(payment)?.attempts.some((a) => a.errorCode === ABANDONED_NO_SHOPPER_PAGE) === true;
    const own =
      list.find((p) => record?.sessionId !== undefined && p.merchantReference === `pc-${record.sessionId}`) ??
      list.filter((p) => !abandoned(p)).at(-1) ??
      list.at(-1);
    for (const payment of list) {
      if (payment === own) continue;
      figures.duplicateProviderPayments++;
      const served = visits.get(payment.paymentId)?.count ?? 0;
      const handedOut = orders.some((order) => order.widgetKey === payment.key);
      const reachedPay = payment.history.some((entry) => PAID_OR_REVIEW.has(entry.status));
      const session = sessionOf(payment);
      const tries = session?.attempts.map(
        (a) => `${a.outcome}${a.errorCode ? `:${a.errorCode}` : ''} ${at(Date.parse(a.at))}`,
      );
      const where = `${orderId} payment ${payment.paymentId} (${payment.merchantReference}) created ${at(Date.parse(payment.createdAt))}, ${payment.status}; kit session ${session ? `${session.status}, tries [${tries?.join(', ')}]` : 'not in the ledger'}; order acknowledged ${record?.sessionId !== undefined}`;
      if (served > 0 || handedOut || reachedPay) {
        figures.reachableDuplicatePayments++;
        console.error(
          `reachable second payment: ${where}; widget served ${served}×, handed out ${handedOut}, paid or in review ${reachedPay}`,
        );
        continue;
      }
      figures.unreachableDuplicatePayments++;
      const cause = abandoned(payment)
        ? ABANDONED_NO_SHOPPER_PAGE
        : session
          ? `unexplained: tries [${session.attempts.map((a) => `${a.outcome}${a.errorCode ? `:${a.errorCode}` : ''}`).join(', ')}]`
          : 'unexplained: not in the ledger';
      figures.unreachableByCause[cause] = (figures.unreachableByCause[cause] ?? 0) + 1;
      console.error(`unreachable second payment (${cause}): ${where}`);
    }
  }
  return figures;
}

/** Whether every unreachable second payment has the cause the kit's ledger is expected to give. */
export function unreachableExplained(figures: DuplicateFigures): boolean {
  return Object.keys(figures.unreachableByCause).every((cause) => cause === ABANDONED_NO_SHOPPER_PAGE);
}

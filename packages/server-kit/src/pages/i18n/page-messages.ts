import type { SessionStatus, StatusReason } from '@pay-checkout/contract';

/** What a status says on the return page: a heading (also the document title) and one sentence. */
export interface StatusCopy {
  heading: string;
  text: string;
}

/**
 * One locale's words for the hosted pages. `statuses` and `reasons` are keyed by the contract's closed
 * sets, so adding a status or reason to the contract fails the typecheck until every locale says it.
 */
export interface PageMessages {
  /** Writing direction of the locale. */
  dir: 'ltr' | 'rtl';
  statuses: Record<SessionStatus, StatusCopy>;
  /** The human reason, shown under the status text (failure reasons, and `manual_review` explained). */
  reasons: Record<StatusReason, string>;
  /** Accessible name of the link back to the shop. In English exactly "Return to merchant". */
  returnToMerchant: string;
  /** Label of the amount row. */
  amount: string;
  /** Label of the order description row. */
  order: string;
  /** Label of the merchant row ("Paid to"). */
  merchant: string;
  /** Shown next to the spinner while the status is not final. */
  liveUpdates: string;
  /** Return page without JavaScript. */
  returnNoScript: string;
  /** Hosted checkout page: document title and heading. */
  payTitle: string;
  /** Hosted checkout page without JavaScript. */
  payNoScript: string;
  /** Kit-hosted form-post step (3-D Secure): document title and heading while the form is posted. */
  continueTitle: string;
  /** Its button, for browsers without JavaScript. */
  continueButton: string;
  /** `GET options` method labels, the fallback for UIs other than the element (which has its own). */
  methodPis: string;
  methodCard: string;
  /** Unknown or expired payment link (session or order): the page's title and heading. */
  notFoundTitle: string;
  /** Its sentence, above the way back to the shop. */
  notFoundText: string;
  /** Under a pending status, beside "Return to merchant": leaving now is safe. */
  pendingNotice: string;
  /** The countdown before the return page forwards to the merchant; `{time}` is e.g. "5 seconds". */
  autoForward: string;
  /** The button that cancels the countdown. */
  stayHere: string;
  /** The return page's language picker. */
  language: string;
}

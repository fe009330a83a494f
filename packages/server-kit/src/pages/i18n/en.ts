import type { PageMessages } from './page-messages.js';

/** English, the fallback for every other locale. */
export const en: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Waiting for payment', text: 'The payment has not been started yet.' },
    pending: {
      heading: 'Waiting for your payment',
      text: 'We are waiting for your bank or payment provider to confirm the payment.',
    },
    processing: { heading: 'Payment is being processed', text: 'Your payment is being processed.' },
    authorized: {
      heading: 'Payment authorized',
      text: 'Your payment has been authorized and will be completed shortly.',
    },
    succeeded: { heading: 'Payment successful', text: 'Thank you. Your payment has been completed.' },
    failed: { heading: 'Payment failed', text: 'The payment did not go through.' },
    cancelled: { heading: 'Payment cancelled', text: 'The payment was cancelled.' },
    expired: { heading: 'Payment expired', text: 'The payment was not completed in time.' },
  },
  reasons: {
    insufficient_funds: 'Your bank declined the payment: insufficient funds.',
    // Deliberately generic: naming "lost or stolen" would help someone holding such a card (Stripe's
    // decline-code guidance says the same). The shopper's bank tells the real owner.
    card_lost_or_stolen: 'Your bank declined this card. Please use a different card or payment method.',
    declined: 'Your bank declined the payment.',
    authentication_failed: 'The payment could not be confirmed: the authentication at your bank failed.',
    cancelled_by_shopper: 'You cancelled the payment.',
    provider_error: 'The payment provider had a technical problem. Please try again later.',
    expired: 'The time allowed for this payment ran out.',
    manual_review:
      'The payment provider is reviewing your payment manually. This usually takes a few minutes, ' +
      'sometimes up to one business day. This page will update as soon as there is a result.',
  },
  returnToMerchant: 'Return to merchant',
  amount: 'Amount',
  order: 'Order',
  merchant: 'Paid to',
  liveUpdates: 'This page updates by itself.',
  returnNoScript: 'Reload this page to see the latest status.',
  payTitle: 'Checkout',
  continueTitle: 'Continuing to verification…',
  continueButton: 'Continue',
  payNoScript: 'The checkout needs JavaScript. Please enable it and reload this page.',
  methodPis: 'Bank payment',
  methodCard: 'Card',
  notFoundTitle: 'Payment not found',
  notFoundText: 'This payment link is unknown or has expired. Please return to the shop and start again.',
  pendingNotice: 'You can return to the shop now: the shop will be told when the payment completes.',
  autoForward: 'Returning to the merchant in {time}.',
  stayHere: 'Stay on this page',
  language: 'Language',
};

// Hosted pages: pure rendering; the routes (return/:id, pay/:order) live in routes/ and call these.
export { formatAmount } from './amount-format.js';
export { type ContinuePageInput, renderContinuePage } from './continue-page.js';
export type { PageMessages, StatusCopy } from './i18n/page-messages.js';
export { negotiateLocale, PAGE_LOCALES } from './locale.js';
export { type NotFoundPageInput, renderNotFoundPage } from './not-found-page.js';
export { createNonce, type PageHeaderOptions, pageHeaders } from './page-headers.js';
export { type PayPageInput, renderPayPage } from './pay-page.js';
export { type ReturnPageInput, renderReturnPage } from './return-page.js';

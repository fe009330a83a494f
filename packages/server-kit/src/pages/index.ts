// Hosted pages: pure rendering; routes (return/:id, pay/:order) live in routes/ and call these.

export type { PageMessages, StatusCopy } from './i18n/page-messages.js';
export { negotiateLocale, PAGE_LOCALES } from './locale.js';
export { createNonce, type PageHeaderOptions, pageHeaders } from './page-headers.js';
export { type PayPageInput, renderPayPage } from './pay-page.js';
export { type ReturnPageInput, renderReturnPage } from './return-page.js';

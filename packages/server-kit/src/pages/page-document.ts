import { escapeHtml } from './html-escape.js';
import { PAGE_STYLES } from './page-styles.js';

/**
 * The shell both hosted pages share: language and direction, the privacy metas, the nonce'd stylesheet.
 * `head` and `body` are already-escaped HTML from the page that calls it.
 */
export function pageDocument(input: {
  locale: string;
  dir: string;
  title: string;
  nonce: string;
  head?: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}" dir="${input.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<style nonce="${escapeHtml(input.nonce)}">${PAGE_STYLES}</style>
${input.head ?? ''}</head>
<body>
${input.body}</body>
</html>
`;
}

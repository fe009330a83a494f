/**
 * Escaping for the two places the hosted pages interpolate values: HTML text/attributes, and JSON
 * embedded in a `<script type="application/json">` block. Every interpolated value goes through one of
 * these; nothing is trusted, not even our own session ids or the merchant's order description.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text content and for double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`… so that no
 * `</script>` or `<!--` can end or confuse the block, and U+2028/U+2029 are escaped for old parsers.
 * `JSON.parse(element.textContent)` returns the original value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

import { escapeHtml } from '../pages/html-escape.js';
import { readElementIntegrity } from './element-files.js';
import { ElementNotBuiltError } from './element-route.js';

/**
 * `<script type="module" src="{publicUrl}/element.js" integrity="sha384-…" crossorigin="anonymous">`:
 * the tag a merchant's server prints (checkout.elementTag()). Module scripts are fetched in CORS mode;
 * `crossorigin` says so explicitly, and the kit serves the bundle with `Access-Control-Allow-Origin`.
 */
export async function elementTag(publicUrl: string, elementDir: string | undefined): Promise<string> {
  const integrity = await readElementIntegrity(elementDir);
  if (!integrity) throw new ElementNotBuiltError();
  return `<script type="module" src="${escapeHtml(`${publicUrl}/element.js`)}" integrity="${escapeHtml(integrity)}" crossorigin="anonymous"></script>`;
}

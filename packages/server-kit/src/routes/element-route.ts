import { CheckoutError, NotFoundError } from '../errors.js';
import type { RouteHandler } from '../http/router.js';
import { ELEMENT_BUNDLE, readElementFile } from './element-files.js';
import type { RouteDeps } from './route-deps.js';

/** The element has not been built (or installed), so there is nothing to serve. */
export class ElementNotBuiltError extends CheckoutError {
  constructor() {
    super('element_not_built', 404, 'The <pay-checkout> element is not built; run npm run build.');
  }
}

/**
 * The bundle keeps a stable name (merchants reference `…/element.js`), so it is cached briefly and
 * revalidated; locale chunks change only with a new bundle, so they may be cached a day.
 */
const BUNDLE_CACHE = 'public, max-age=300, stale-while-revalidate=60';
const CHUNK_CACHE = 'public, max-age=86400';

function fileResponse(file: { body: Buffer; contentType: string }, cacheControl: string): Response {
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'cache-control': cacheControl,
      'x-content-type-options': 'nosniff',
      // The bundle is a module script: pages on the merchant's origin load it cross-origin.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    },
  });
}

/** `GET element.js`: the script-tag bundle. */
export function elementBundleRoute(deps: RouteDeps): RouteHandler {
  return async () => {
    if (!deps.elementDir) throw new ElementNotBuiltError();
    const file = await readElementFile(deps.elementDir, ELEMENT_BUNDLE);
    if (!file) throw new ElementNotBuiltError();
    return fileResponse(file, BUNDLE_CACHE);
  };
}

/**
 * `GET element/*` and `GET locales/*`: files next to the bundle. The bundle loads its locale chunks
 * relative to its own URL (`new URL('./locales/de.js', import.meta.url)`), which from `…/element.js`
 * is `…/locales/de.js`; `element/locales/de.js` serves the same file for explicit links.
 */
export function elementFileRoute(deps: RouteDeps, prefix: string): RouteHandler {
  return async ({ params }) => {
    if (!deps.elementDir) throw new ElementNotBuiltError();
    const file = await readElementFile(deps.elementDir, `${prefix}${params['*']}`);
    if (!file) throw new NotFoundError('not_found', 'No such element file.');
    return fileResponse(file, CHUNK_CACHE);
  };
}

import { readFile } from 'node:fs/promises';
import { MODULES_PATH, readModuleFile } from '../modules.js';
import type { Route } from './context.js';

/** The shop's own static files: a fixed list, read from `src/assets/`. */
const ASSETS: Readonly<Record<string, string>> = {
  '/assets/shop.css': 'text/css; charset=utf-8',
  '/assets/cart.js': 'text/javascript; charset=utf-8',
  '/assets/checkout.js': 'text/javascript; charset=utf-8',
};

/** `/assets/*` (the shop's CSS and scripts) and `/modules/*` (allow-listed npm packages). */
export const assetRoutes: Route = async ({ req, res, url }) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = url.pathname;
  const assetType = Object.hasOwn(ASSETS, path) ? ASSETS[path] : undefined;
  if (assetType) {
    const body = await readFile(new URL(`../assets/${path.slice('/assets/'.length)}`, import.meta.url));
    res.writeHead(200, { 'content-type': assetType, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  if (path.startsWith(MODULES_PATH)) {
    const file = await readModuleFile(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return true;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  }
  return false;
};

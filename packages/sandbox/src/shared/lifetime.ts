import { setMaxListeners } from 'node:events';

/**
 * The controller a stage (or its notifier) aborts when it closes. Every pending `sleep` (shared/sleep.ts)
 * and delivery listens to its signal, one listener each, removed when it ends: under load hundreds wait at
 * once, which is expected, so Node's warning past ten listeners on one signal is switched off for it.
 */
export function lifetimeController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/**
 * The pay.tech stage: the Gateway API (`/api/v1/payments…`), the hosted payment page (`/payment/{id}`),
 * signed webhooks and the admin API, under one prefix (`/paytech`). Built from the shared parts in
 * `src/shared/`; what is pay.tech's own (its API and envelope, its states and error codes, its test
 * cards and limits, its webhook signature) lives here. Choices the reference leaves open: README.
 */
import { InjectedError } from '../../shared/http/errors.js';
import { createKnobBoard, type KnobBoard } from '../../shared/knobs/knob-board.js';
import { lifetimeController } from '../../shared/lifetime.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import { consoleLog, type ProviderStage, type StageOptions } from '../../shared/stage.js';
import { handleAdmin } from './admin.js';
import { handleApi } from './api.js';
import { createPaytechBook, type PaytechBook, PaytechPaymentNotFoundError } from './book.js';
import type { PaytechContext } from './context.js';
import { PaytechApiError, paytechErrorResponse } from './errors.js';
import { handleHostedPage } from './hosted-page.js';
import { createPaytechNotifier } from './notifier.js';
import { createShopDirectory, type ShopDirectory } from './shops.js';
import { toWire } from './wire.js';

/** Every option has a default: the prefix `/paytech`, console logging, 200 ms webhook retries. */
export type PaytechStageOptions = Partial<StageOptions>;

/** The pay.tech stage, with its payment book, shops, knobs and notifier for in-process tests. */
export interface PaytechStage extends ProviderStage {
  readonly kind: 'paytech';
  readonly book: PaytechBook;
  readonly shops: ShopDirectory;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
}

export function createPaytechStage(options: PaytechStageOptions = {}): PaytechStage {
  const prefix = options.prefix ?? '/paytech';
  const log = options.log ?? consoleLog;
  const lifetime = lifetimeController();
  const book = createPaytechBook();
  const shops = createShopDirectory();
  const knobs = createKnobBoard(options.random);
  const notifier = createPaytechNotifier({
    book,
    shops,
    bodyOf: (payment) => toWire(payment, prefix),
    retryBaseMs: options.notificationRetryBaseMs,
    random: options.random,
  });
  const context: PaytechContext = { prefix, book, shops, knobs, notifier, signal: lifetime.signal };

  return {
    kind: 'paytech',
    title: 'pay.tech',
    prefix,
    adminPath: '/admin',
    book,
    shops,
    knobs,
    notifier,
    handle: async (request, url) => {
      try {
        return (
          (await handleApi(request, url, context)) ??
          (await handleAdmin(request, url, context)) ??
          (await handleHostedPage(request, url, book, prefix))
        );
      } catch (error) {
        const translated =
          error instanceof PaytechPaymentNotFoundError
            ? new PaytechApiError(404, '1.01', 'No such payment.')
            : error;
        const response = paytechErrorResponse(translated);
        if (response.status >= 500 && !(error instanceof InjectedError)) {
          log(`pay-sandbox: ${request.method} ${url.pathname} failed`, error);
        }
        return response;
      }
    },
    close: async () => {
      lifetime.abort();
      book.close();
      await notifier.close();
    },
  };
}

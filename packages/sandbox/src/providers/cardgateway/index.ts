/**
 * The card gateway stage (the Paymentz platform's REST API: `authToken`, flat dotted form fields, MD5
 * checksums), under one prefix (`/cardgateway`): the API, the test ACS for 3-D Secure, callbacks to
 * `notificationUrl`, and the admin API. Built from the shared parts in `src/shared/`.
 */
import { InjectedError } from '../../shared/http/errors.js';
import { FormTooLargeError, MalformedFormError } from '../../shared/http/form.js';
import { createKnobBoard, type KnobBoard } from '../../shared/knobs/knob-board.js';
import { lifetimeController } from '../../shared/lifetime.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import { consoleLog, type ProviderStage, type StageOptions } from '../../shared/stage.js';
import { handleAcs } from './acs.js';
import { handleAdmin } from './admin.js';
import { handleApi } from './api.js';
import { createTokenIssuer } from './auth-token.js';
import { type CardGatewayBook, createCardGatewayBook } from './book.js';
import type { CardGatewayContext } from './context.js';
import { gatewayErrorResponse } from './errors.js';
import { createCardGatewayNotifier } from './notifier.js';

/** Every option has a default: the prefix `/cardgateway`, console logging, 200 ms retries. */
export type CardGatewayStageOptions = Partial<StageOptions>;

/** The card gateway stage, with its payment book, knobs and notifier for in-process tests. */
export interface CardGatewayStage extends ProviderStage {
  readonly kind: 'cardgateway';
  readonly book: CardGatewayBook;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
}

export function createCardGatewayStage(options: CardGatewayStageOptions = {}): CardGatewayStage {
  const prefix = options.prefix ?? '/cardgateway';
  const log = options.log ?? consoleLog;
  const lifetime = lifetimeController();
  const book = createCardGatewayBook();
  const knobs = createKnobBoard(options.random);
  const notifier = createCardGatewayNotifier({
    retryBaseMs: options.notificationRetryBaseMs,
    random: options.random,
  });
  const context: CardGatewayContext = {
    prefix,
    book,
    tokens: createTokenIssuer(),
    knobs,
    notifier,
    signal: lifetime.signal,
  };
  return {
    kind: 'cardgateway',
    title: 'Card gateway',
    prefix,
    adminPath: '/admin',
    book,
    knobs,
    notifier,
    handle: async (request, url) => {
      try {
        return (
          (await handleApi(request, url, context)) ??
          (await handleAcs(request, url, context)) ??
          (await handleAdmin(request, url, context))
        );
      } catch (error) {
        const response =
          error instanceof MalformedFormError || error instanceof FormTooLargeError
            ? new Response(error.message, { status: error.status })
            : gatewayErrorResponse(error);
        if (response.status >= 500 && !(error instanceof InjectedError))
          log(`pay-sandbox: ${request.method} ${url.pathname} failed`, error);
        return response;
      }
    },
    close: async () => {
      lifetime.abort();
      await notifier.close();
    },
  };
}

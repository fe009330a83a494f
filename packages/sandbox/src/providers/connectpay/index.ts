import { InjectedError } from '../../http/errors.js';
import { errorResponse } from '../../http/responses.js';
import type { ProviderStage } from '../registry.js';
import { handleAdmin } from './admin.js';
import { detailsOf, handleApi } from './api.js';
import { createPaymentBook, type SandboxPaymentBook } from './book.js';
import { createClientDirectory } from './clients.js';
import type { ConnectPayContext } from './context.js';
import { translateBookError } from './errors.js';
import { createKnobBoard, type KnobBoard } from './knobs.js';
import { createNotifier, type Notifier } from './notifier.js';
import { handleWidget } from './widget.js';

export interface ConnectPayStageOptions {
  /** Path prefix; default `/connectpay`. */
  prefix?: string;
  notificationRetryBaseMs?: number;
  /** Random source for the error-rate knob and retry jitter (tests may fix it). */
  random?: () => number;
  log?: (message: string, error?: unknown) => void;
}

/** The ConnectPay stage: API v2, hosted widget, admin API and notifier, under one prefix. */
export interface ConnectPayStage extends ProviderStage {
  readonly book: SandboxPaymentBook;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
}

export function createConnectPayStage(options: ConnectPayStageOptions = {}): ConnectPayStage {
  const prefix = options.prefix ?? '/connectpay';
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const lifetime = new AbortController();
  const book = createPaymentBook();
  const clients = createClientDirectory();
  const knobs = createKnobBoard(options.random);
  const topUpConsumers = new Map<string, string>();
  const notifier = createNotifier({
    book,
    bodyOf: (payment) => detailsOf({ clients, topUpConsumers }, payment),
    secretOf: (payment) => clients.get(payment.clientId)?.notificationSecret,
    retryBaseMs: options.notificationRetryBaseMs,
    random: options.random,
  });
  const context: ConnectPayContext = {
    prefix,
    book,
    clients,
    knobs,
    notifier,
    topUpConsumers,
    signal: lifetime.signal,
  };

  return {
    name: 'connectpay',
    prefix,
    book,
    knobs,
    notifier,
    handle: async (request, url) => {
      try {
        return (
          (await handleApi(request, url, context)) ??
          (await handleAdmin(request, url, context)) ??
          (await handleWidget(request, url, book, prefix))
        );
      } catch (error) {
        const response = errorResponse(translateBookError(error));
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

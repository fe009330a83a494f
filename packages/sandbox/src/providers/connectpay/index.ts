/**
 * The ConnectPay stage: API v2 (merchant payments and BaaS top-up), the hosted widget, the admin API and
 * the notifier, under one prefix (`/connectpay`). Built from the shared parts in `src/shared/`; what is
 * ConnectPay's own (its API, auth and signatures, its payment book, test data and widget flow) lives here.
 */
import { InjectedError } from '../../shared/http/errors.js';
import { errorResponse } from '../../shared/http/responses.js';
import { createKnobBoard, type KnobBoard } from '../../shared/knobs/knob-board.js';
import { lifetimeController } from '../../shared/lifetime.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import { consoleLog, type ProviderStage, type StageOptions } from '../../shared/stage.js';
import { handleAdmin } from './admin.js';
import { detailsOf, handleApi } from './api.js';
import { createPaymentBook, type SandboxPaymentBook } from './book.js';
import { createClientDirectory } from './clients.js';
import type { ConnectPayContext } from './context.js';
import { translateBookError } from './errors.js';
import { createConnectPayNotifier } from './notifier.js';
import { handleWidget } from './widget.js';
import { createWidgetVisits, type WidgetVisits } from './widget-visits.js';

/** Every option has a default: the prefix `/connectpay`, console logging, 200 ms retries. */
export type ConnectPayStageOptions = Partial<StageOptions>;

/** The ConnectPay stage, with its payment book, knobs and notifier for in-process tests. */
export interface ConnectPayStage extends ProviderStage {
  readonly kind: 'connectpay';
  readonly book: SandboxPaymentBook;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
  /** Which payments' widget was ever served (inspection only; widget-visits.ts). */
  readonly widgetVisits: WidgetVisits;
}

export function createConnectPayStage(options: ConnectPayStageOptions = {}): ConnectPayStage {
  const prefix = options.prefix ?? '/connectpay';
  const log = options.log ?? consoleLog;
  const lifetime = lifetimeController();
  const book = createPaymentBook();
  const clients = createClientDirectory();
  const knobs = createKnobBoard(options.random);
  const topUpConsumers = new Map<string, string>();
  const widgetVisits = createWidgetVisits();
  const notifier = createConnectPayNotifier({
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
    widgetVisits,
    signal: lifetime.signal,
  };

  return {
    kind: 'connectpay',
    title: 'ConnectPay',
    prefix,
    adminPath: '/admin',
    book,
    knobs,
    notifier,
    widgetVisits,
    handle: async (request, url) => {
      try {
        return (
          (await handleApi(request, url, context)) ??
          (await handleAdmin(request, url, context)) ??
          (await handleWidget(request, url, book, prefix, (payment) =>
            widgetVisits.record(payment.paymentId),
          ))
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

/**
 * The Fintecture stage under one prefix (`/fintecture`): OAuth and the PIS / resources API with
 * Fintecture's request signatures, the hosted Connect page, signed form-encoded webhooks through the
 * shared notifier, and the admin API. Built from the shared parts in `src/shared/`; what is
 * Fintecture's own lives here (README "Fintecture" lists every choice the documents leave open).
 */
import { InjectedError, NotFoundError } from '../../shared/http/errors.js';
import { errorResponse } from '../../shared/http/responses.js';
import { createKnobBoard, type KnobBoard } from '../../shared/knobs/knob-board.js';
import { lifetimeController } from '../../shared/lifetime.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import { consoleLog, type ProviderStage, type StageOptions } from '../../shared/stage.js';
import { handleAdmin } from './admin.js';
import { handleApi } from './api.js';
import { createFintectureBook, type FintectureBook, SessionNotFoundError } from './book.js';
import { handleConnect } from './connect-page.js';
import type { FintectureContext } from './context.js';
import { createFintectureNotifier } from './notifier.js';
import { createReplayGuard } from './request-signature.js';
import { createTokenStore, type TokenStore } from './tokens.js';

export type FintectureStageOptions = Partial<StageOptions>;

/** The Fintecture stage, with its sessions, knobs, tokens and notifier for in-process tests. */
export interface FintectureStage extends ProviderStage {
  readonly kind: 'fintecture';
  readonly book: FintectureBook;
  readonly knobs: KnobBoard;
  readonly tokens: TokenStore;
  readonly notifier: Notifier;
  /** The application's webhook URL, as the admin call `PUT admin/applications/{app_id}/webhook` sets it. */
  setWebhookUrl(appId: string, url: string | undefined): void;
}

export function createFintectureStage(options: FintectureStageOptions = {}): FintectureStage {
  const prefix = options.prefix ?? '/fintecture';
  const log = options.log ?? consoleLog;
  const lifetime = lifetimeController();
  const webhookUrls = new Map<string, string>();
  const notifier = createFintectureNotifier({
    webhookUrlOf: (appId) => webhookUrls.get(appId),
    retryBaseMs: options.notificationRetryBaseMs,
    random: options.random,
  });
  const book = createFintectureBook((session) => notifier.statusChanged(session));
  const context: FintectureContext = {
    prefix,
    book,
    tokens: createTokenStore(),
    knobs: createKnobBoard(options.random),
    notifier,
    webhookUrls,
    replay: createReplayGuard(),
    signal: lifetime.signal,
  };
  return {
    kind: 'fintecture',
    title: 'Fintecture',
    prefix,
    adminPath: '/admin',
    book,
    knobs: context.knobs,
    tokens: context.tokens,
    notifier,
    setWebhookUrl: (appId, url) => {
      if (url === undefined) webhookUrls.delete(appId);
      else webhookUrls.set(appId, url);
    },
    handle: async (request, url) => {
      try {
        return (
          (await handleApi(request, url, context)) ??
          (await handleAdmin(request, url, context)) ??
          (await handleConnect(request, url, book, prefix))
        );
      } catch (error) {
        const known =
          error instanceof SessionNotFoundError
            ? new NotFoundError('session_not_found', error.message)
            : error;
        const response = errorResponse(known);
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

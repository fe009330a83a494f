/**
 * The admin API under `{prefix}/admin`: the shared routes (knobs, per-application knobs with
 * `clientId=<app_id>`, fail-next, webhook delivery attempts: `shared/admin/admin-base.ts`) plus the
 * stage's own:
 *
 * - `PUT /applications/{app_id}/webhook {url}` sets the application's webhook URL (Fintecture's
 *   console does that for a real application); `{url: null}` removes it; `GET /applications` lists;
 * - `GET /payments[?state=]`, `GET /payments/{id}`, `PUT /payments/{id}/knobs`,
 *   `POST /payments/{id}/settle {outcome?}` (a `payment_pending` transfer executes or is refused),
 *   `POST /payments/{id}/expire`;
 * - `GET /tokens` (how many were issued), `POST /tokens/revoke` (every token: the next call gets 401);
 * - `POST /reset`.
 */
import { z } from 'zod';
import { type AdminBaseContext, handleAdminBase, readAdminJson } from '../../shared/admin/admin-base.js';
import { ConflictError, MethodNotAllowedError, NotFoundError } from '../../shared/http/errors.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { paymentKnobsSchema } from '../../shared/knobs/knob-board.js';
import { connectUrl, paymentView, publicKeyOf } from './api.js';
import type { FintectureContext } from './context.js';
import type { FintectureSession } from './model.js';
import { fintectureTestApp } from './test-app.js';

const webhookSchema = z
  .object({
    url: z
      .string()
      .refine(
        (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
        'must be an http(s) URL',
      )
      .nullable(),
  })
  .strict();
const settleSchema = z
  .object({ outcome: z.enum(['payment_created', 'payment_unsuccessful']).default('payment_created') })
  .strict();

export async function handleAdmin(
  request: Request,
  url: URL,
  context: FintectureContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  if (path !== '/admin' && !path.startsWith('/admin/')) return undefined;
  const route = path.slice('/admin'.length);
  const method = request.method;
  const base: AdminBaseContext = {
    knobs: context.knobs,
    notifier: context.notifier,
    hasClient: (appId) => publicKeyOf(appId) !== undefined,
    defaultClientId: fintectureTestApp.appId,
  };
  const shared = await handleAdminBase(route, request, url, base);
  if (shared) return shared;

  if (route === '/applications') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    return jsonResponse(200, {
      applications: [
        {
          app_id: fintectureTestApp.appId,
          webhook_url: context.webhookUrls.get(fintectureTestApp.appId) ?? null,
        },
      ],
    });
  }
  const webhook = /^\/applications\/([^/]+)\/webhook$/.exec(route);
  if (webhook) {
    const appId = safeDecode(webhook[1]);
    if (!publicKeyOf(appId))
      throw new NotFoundError('application_not_found', `No application ${appId.slice(0, 40)}.`);
    if (method !== 'PUT') throw new MethodNotAllowedError(method);
    const body = parseOrThrow(webhookSchema, await readAdminJson(request));
    if (body.url === null) context.webhookUrls.delete(appId);
    else context.webhookUrls.set(appId, body.url);
    return jsonResponse(200, { app_id: appId, webhook_url: body.url });
  }
  if (route === '/payments') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    const state = url.searchParams.get('state');
    const sessions = context.book
      .list()
      .filter((session) => state === null || session.state === state)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return jsonResponse(200, { payments: sessions.map((session) => adminView(context, url, session)) });
  }
  const payment = /^\/payments\/([^/]+)(?:\/(knobs|settle|expire))?$/.exec(route);
  if (payment) {
    const session = context.book.get(safeDecode(payment[1]));
    if (!session)
      throw new NotFoundError('session_not_found', `No payment session ${payment[1].slice(0, 40)}.`);
    const action = payment[2];
    if (action === undefined) {
      if (method !== 'GET') throw new MethodNotAllowedError(method);
      return jsonResponse(200, adminView(context, url, session));
    }
    if (action === 'knobs') {
      if (method !== 'PUT') throw new MethodNotAllowedError(method);
      const { latencyMs, ...knobs } = parseOrThrow(paymentKnobsSchema, await readAdminJson(request));
      if (latencyMs !== undefined) context.knobs.setPaymentLatency(session.id, latencyMs);
      Object.assign(session.knobs, knobs);
      return jsonResponse(200, adminView(context, url, session));
    }
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    const result =
      action === 'settle'
        ? context.book.settle(session.id, parseOrThrow(settleSchema, await readAdminJson(request)).outcome)
        : context.book.expire(session.id);
    if (!result.ok) {
      throw new ConflictError(
        'illegal_transition',
        `The session is ${session.status}; it cannot be ${action === 'settle' ? 'settled' : 'expired'}.`,
      );
    }
    return jsonResponse(200, adminView(context, url, result.session));
  }
  if (route === '/tokens') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    return jsonResponse(200, { issued: context.tokens.issued() });
  }
  if (route === '/tokens/revoke') {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    context.tokens.revokeAll();
    return jsonResponse(200, { revoked: true });
  }
  if (route === '/reset') {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    context.notifier.reset();
    context.book.reset();
    context.knobs.reset();
    context.tokens.reset();
    context.replay.reset();
    context.webhookUrls.clear();
    return jsonResponse(200, { reset: true });
  }
  throw new NotFoundError('not_found', `No admin endpoint ${route || '/'}.`);
}

function adminView(context: FintectureContext, url: URL, session: FintectureSession) {
  return {
    sessionId: session.id,
    appId: session.appId,
    connectUrl: connectUrl(url.origin, context.prefix, session.id),
    status: session.status,
    ...(session.statusReason ? { statusReason: session.statusReason } : {}),
    step: session.step,
    state: session.state,
    redirectUri: session.redirectUri,
    psuType: session.psuType,
    ...(session.country ? { country: session.country } : {}),
    ...(session.language ? { language: session.language } : {}),
    ...(session.provider ? { provider: session.provider } : {}),
    knobs: { ...session.knobs, latencyMs: context.knobs.paymentLatency(session.id) ?? null },
    details: paymentView(session),
  };
}

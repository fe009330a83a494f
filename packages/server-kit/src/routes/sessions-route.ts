import { CreateSessionRequest, IDEMPOTENCY_HEADER } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { readJsonBody } from '../http/body.js';
import { clientAddress } from '../http/client-address.js';
import { jsonResponse } from '../http/json.js';
import { rateLimiterFor } from '../http/rate-limit.js';
import type { RouteHandler } from '../http/router.js';
import { metrics } from '../metrics/metrics.js';
import { openSession } from '../sessions/create-session.js';
import { parseIdempotencyKey } from '../sessions/idempotency.js';
import { loadSession } from '../sessions/load-session.js';
import { requestHash } from '../sessions/request-hash.js';
import { toSessionView } from '../sessions/view.js';
import type { RouteDeps } from './route-deps.js';
import { zodMessage } from './zod-message.js';

/** A session request is a few fields; anything bigger is not one. */
const SESSION_BODY_LIMIT = 16 * 1024;

/**
 * `POST sessions`: validate (key, media type, JSON, schema) before anything is stored, so bad input
 * leaves no trace; then at most one session per Idempotency-Key (docs/reliability.md 1–3).
 */
export function createSessionRoute(deps: RouteDeps): RouteHandler {
  // Each session may cost a provider payment: one client cannot open thousands (docs/reliability.md 22).
  const limiter = rateLimiterFor(
    deps.config.rateLimit?.sessions,
    'sessions',
    deps.config.rateLimit?.exemptLoopback,
  );
  return async ({ request }) => {
    limiter?.take(clientAddress(request, deps.config.rateLimit?.trustedProxies));
    const key = parseIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER));
    const raw = await readJsonBody(request, SESSION_BODY_LIMIT, deps.config.bodyTimeoutMs);
    const parsed = CreateSessionRequest.safeParse(raw);
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    // The hash covers the body as sent (canonicalised), so a changed field, even an ignored one, is a
    // different request under the same key (→ 422), as the IETF draft describes.
    const { response, replayed } = await openSession(deps, parsed.data, {
      key,
      requestHash: requestHash(raw),
    });
    if (replayed) metrics.idempotencyReplays.inc();
    return jsonResponse(
      response.status,
      response.body,
      replayed ? { 'idempotent-replayed': 'true' } : undefined,
    );
  };
}

/** `GET sessions/:id`: the unified status, no personal data. */
export function getSessionRoute(deps: RouteDeps): RouteHandler {
  return async ({ params }) => {
    const session = await loadSession(deps, params.id);
    return jsonResponse(200, toSessionView(session));
  };
}

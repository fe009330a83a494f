import type { RouteHandler } from '../http/router.js';
import { statusStreamResponse } from '../live/sse.js';
import { loadSession } from '../sessions/load-session.js';
import type { RouteDeps } from './route-deps.js';

/** `GET sessions/:id/events`: the live status stream (see live/sse.ts), within the stream caps. */
export function eventsRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, params }) => {
    const session = await loadSession(deps, params.id);
    const header = request.headers.get('last-event-id');
    const lastEventId =
      header !== null && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;
    const release = deps.streamLimits.take(session.id);
    return statusStreamResponse({
      onClose: release,
      store: deps.store,
      bus: deps.bus,
      sessionId: session.id,
      lastEventId,
      heartbeatMs: deps.config.heartbeatMs,
      signal: request.signal,
      registry: deps.streams,
      onError: (error) => deps.log.warn({ sessionId: session.id, err: error }, 'status stream failed'),
    });
  };
}

import type { LiveBus } from '../live/bus.js';
import type { EndStream } from '../live/sse.js';
import type { StreamLimits } from '../live/stream-limits.js';
import type { KitContext } from '../sessions/kit-context.js';

/** What route handlers need beyond the shared context: the live bus and the open SSE streams. */
export interface RouteDeps extends KitContext {
  bus: LiveBus;
  /** Each open SSE stream's `end()`, so `close()` can end them all. */
  streams: Set<EndStream>;
  /** Caps on open streams, per session and in all (config `liveStreams`). */
  streamLimits: StreamLimits;
  /** How many requests are being answered now (`GET metrics`); absent in hand-made test deps. */
  requestsInFlight?: () => number;
  /** Directory of the built element, or undefined when it is not built. */
  elementDir: string | undefined;
}

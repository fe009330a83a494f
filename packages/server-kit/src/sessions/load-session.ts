import { NotFoundError } from '../errors.js';
import type { SessionRecord } from '../store/store.js';
import { isSessionId } from './ids.js';
import type { KitContext } from './kit-context.js';

/**
 * The session a URL names (`sessions/:id`, `sessions/:id/events`, `return/:id`), or 404
 * `session_not_found`. A value that cannot be a session id never reaches the store.
 */
export async function loadSession(context: KitContext, id: string): Promise<SessionRecord> {
  const session = isSessionId(id) ? await context.store.getSession(id) : undefined;
  if (!session) throw new NotFoundError('session_not_found', 'No such session.');
  return session;
}

import type { CheckoutStore } from '../store/store.js';

export type ChangeListener = (eventId: number) => void;

/**
 * Fans the store's change feed out to the SSE connections of each session. One store subscription
 * per kit instance (with PostgreSQL: LISTEN/NOTIFY, so changes made by other instances arrive too);
 * the feed carries ids only and each connection reads the events from the store itself.
 */
export class LiveBus {
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly store: CheckoutStore) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.store.subscribe(({ sessionId, eventId }) => {
      const set = this.listeners.get(sessionId);
      if (!set) return;
      for (const listener of set) listener(eventId);
    });
  }

  async stop(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    this.listeners.clear();
    await unsubscribe?.();
  }

  /** Listens to one session's changes; returns the function that stops listening. */
  listen(sessionId: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(sessionId);
    if (!set) {
      set = new Set();
      this.listeners.set(sessionId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(sessionId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(sessionId);
    };
  }
}

/**
 * Which payments' hosted widget was ever served: a page rendered for its key, or a form posted with it.
 * Only an inspection aid (the admin view's `widget`, `ConnectPayStage.widgetVisits`): the stage's
 * behaviour never depends on it. The load test (bench/load/run.ts) uses it to tell a second payment of
 * an order that a shopper could reach from one nobody ever had the key of (a lost answer).
 */
export interface WidgetVisit {
  /** Widget requests answered for this payment's key. */
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface WidgetVisits {
  record(paymentId: string): void;
  get(paymentId: string): WidgetVisit | undefined;
  reset(): void;
}

export function createWidgetVisits(now: () => Date = () => new Date()): WidgetVisits {
  const visits = new Map<string, WidgetVisit>();
  return {
    record(paymentId) {
      const at = now().toISOString();
      const seen = visits.get(paymentId);
      if (seen) {
        seen.count += 1;
        seen.lastAt = at;
      } else {
        visits.set(paymentId, { count: 1, firstAt: at, lastAt: at });
      }
    },
    get(paymentId) {
      const seen = visits.get(paymentId);
      return seen ? { ...seen } : undefined;
    },
    reset() {
      visits.clear();
    },
  };
}

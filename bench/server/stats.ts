/** Latency summary of one measured phase, in milliseconds (rounded to 0.01 ms). */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list (`p` in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine
 * (both sides derive it from the same system clock), which the notification → SSE figure needs: the
 * arrival is stamped in the kit's process and the event is read in the load generator's.
 */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

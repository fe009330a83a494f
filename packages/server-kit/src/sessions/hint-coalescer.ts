/** Past this many payments tracked, the ones whose interval is over are forgotten. */
const MAX_TRACKED = 10_000;

export type HintAdmission = { kind: 'refetch' } | { kind: 'coalesced'; trailAt?: Date };

/**
 * Unsigned notifications are only hints: each costs a provider re-fetch, so a flood of forged hints
 * naming one payment could cost a flood of provider calls (issue 14, finding 6). Per payment, the first
 * hint re-fetches and the others within `intervalMs` ride on it; the first of those asks for one more
 * look when the interval ends (`trailAt`, through the poller), so a genuine change that came in between
 * is still seen within the interval. Per process: several instances each re-fetch once per interval.
 */
export class HintCoalescer {
  private readonly recent = new Map<string, { until: number; trailing: boolean }>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  admit(payment: string): HintAdmission {
    const at = this.now();
    const seen = this.recent.get(payment);
    if (seen && seen.until > at) {
      if (seen.trailing) return { kind: 'coalesced' };
      seen.trailing = true;
      return { kind: 'coalesced', trailAt: new Date(seen.until) };
    }
    this.recent.set(payment, { until: at + this.intervalMs, trailing: false });
    if (this.recent.size > MAX_TRACKED) {
      for (const [key, entry] of this.recent) if (entry.until <= at) this.recent.delete(key);
    }
    return { kind: 'refetch' };
  }
}

/** What the inbox keeps of an unsigned hint: it proves nothing, so its first 2 KiB are audit enough. */
export const HINT_PAYLOAD_MAX = 2048;

export function cappedHintPayload(text: string): string {
  if (text.length <= HINT_PAYLOAD_MAX) return text;
  // Never cut a surrogate pair in half: a lone surrogate is not storable text.
  return `${text.slice(0, HINT_PAYLOAD_MAX).replace(/[\uD800-\uDBFF]$/, '')}…[${text.length} characters]`;
}

/**
 * The few Prometheus instruments the kit exposes, in the text exposition format (version 0.0.4):
 * counters, histograms and callback gauges with string labels. Hand-written because it is small and
 * the kit needs nothing else of a client library (no default process collectors, no push).
 */

export type Labels = Readonly<Record<string, string>>;

/** One metric family: its `# HELP` / `# TYPE` header and sample lines. */
export interface MetricFamily {
  readonly name: string;
  render(): string[] | Promise<string[]>;
}

/** A monotonic counter per label set. */
export class Counter implements MetricFamily {
  readonly #values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const entry = this.#values.get(key);
    if (entry) entry.value += by;
    else this.#values.set(key, { labels: { ...labels }, value: by });
  }

  /** The current value for one label set (0 when never incremented). */
  value(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels))?.value ?? 0;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'counter');
    if (this.#values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.#values.values()) lines.push(sample(this.name, labels, value));
    return lines;
  }
}

/** Cumulative buckets, `_sum` and `_count` per label set; observations in seconds. */
export class Histogram implements MetricFamily {
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, seconds: number): void {
    const key = labelKey(labels);
    let series = this.#series.get(key);
    if (!series) {
      series = { labels: { ...labels }, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    for (let i = 0; i < this.buckets.length; i++) if (seconds <= this.buckets[i]) series.counts[i]++;
    series.sum += seconds;
    series.count++;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram');
    for (const { labels, counts, sum, count } of this.#series.values()) {
      this.buckets.forEach((le, i) => {
        lines.push(sample(`${this.name}_bucket`, { ...labels, le: String(le) }, counts[i]));
      });
      lines.push(sample(`${this.name}_bucket`, { ...labels, le: '+Inf' }, count));
      lines.push(sample(`${this.name}_sum`, labels, sum));
      lines.push(sample(`${this.name}_count`, labels, count));
    }
    return lines;
  }
}

/** A gauge read at scrape time (a store count, the open streams): nothing to keep in step. */
export class CallbackGauge implements MetricFamily {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly read: () => Promise<ReadonlyArray<[Labels, number]>> | ReadonlyArray<[Labels, number]>,
  ) {}

  async render(): Promise<string[]> {
    const lines = header(this.name, this.help, 'gauge');
    for (const [labels, value] of await this.read()) lines.push(sample(this.name, labels, value));
    return lines;
  }
}

/** The exposition text of the families, in order, ending with a newline. */
export async function exposition(families: readonly MetricFamily[]): Promise<string> {
  const lines: string[] = [];
  for (const family of families) lines.push(...(await family.render()));
  return `${lines.join('\n')}\n`;
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`];
}

function sample(name: string, labels: Labels, value: number): string {
  const names = Object.keys(labels);
  if (names.length === 0) return `${name} ${formatValue(value)}`;
  const text = names.map((label) => `${label}="${escapeLabel(labels[label])}"`).join(',');
  return `${name}{${text}} ${formatValue(value)}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** Label values escape backslash, double quote and newline (the exposition format's rule). */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((name) => [name, labels[name]]),
  );
}

import type { Hop } from '@harbor/local-cloud-trace';
import { nearestRank } from './nearest-rank';

export interface MinuteMetrics {
  readonly at: string;
  readonly invocations: number;
  readonly errors: number;
  readonly p99Ms: number;
}

export interface FunctionMetricsView {
  readonly functionId: string;
  readonly invocations: number;
  readonly errors: number;
  readonly coldStarts: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly series: readonly MinuteMetrics[];
}

export interface FunctionMetricsOptions {
  /** Durations kept per function for the percentiles (the most recent). Default 10,000. */
  readonly durationsKept?: number;
  /** Minute buckets kept per function. Default 60. */
  readonly minutesKept?: number;
  readonly clock?: () => number;
}

interface Minute {
  readonly start: number;
  invocations: number;
  errors: number;
  readonly durations: number[];
}

interface PerFunction {
  invocations: number;
  errors: number;
  coldStarts: number;
  durations: number[];
  minutes: Minute[];
}

const MINUTE_MS = 60_000;

/**
 * `GET /_local/metrics`: per-function invocations, errors, cold starts and latency percentiles (nearest rank) from
 * the `invoke` hops, counted as they are recorded so they cover the whole session; the percentiles and the
 * per-minute series keep bounded recent windows.
 */
export class FunctionMetrics {
  private readonly functions = new Map<string, PerFunction>();
  private readonly startedAt: number;
  private readonly durationsKept: number;
  private readonly minutesKept: number;

  constructor(options: FunctionMetricsOptions = {}) {
    this.startedAt = (options.clock ?? Date.now)();
    this.durationsKept = options.durationsKept ?? 10_000;
    this.minutesKept = options.minutesKept ?? 60;
  }

  observe(hop: Hop): void {
    if (hop.kind !== 'invoke') return;
    let fn = this.functions.get(hop.name);
    if (!fn) {
      fn = { invocations: 0, errors: 0, coldStarts: 0, durations: [], minutes: [] };
      this.functions.set(hop.name, fn);
    }
    const failed = hop.status === 'error';
    fn.invocations += 1;
    if (failed) fn.errors += 1;
    if (hop.detail?.['coldStart'] === true) fn.coldStarts += 1;
    fn.durations.push(hop.durationMs);
    if (fn.durations.length > this.durationsKept * 2) fn.durations = fn.durations.slice(-this.durationsKept);
    const start = Math.floor(Date.parse(hop.startedAt) / MINUTE_MS) * MINUTE_MS;
    let minute = fn.minutes.at(-1);
    if (!minute || minute.start !== start) {
      minute = fn.minutes.find((candidate) => candidate.start === start);
      if (!minute) {
        minute = { start, invocations: 0, errors: 0, durations: [] };
        fn.minutes.push(minute);
        fn.minutes.sort((a, b) => a.start - b.start);
        if (fn.minutes.length > this.minutesKept) fn.minutes.shift();
      }
    }
    minute.invocations += 1;
    if (failed) minute.errors += 1;
    minute.durations.push(hop.durationMs);
  }

  view(): { since: string; functions: FunctionMetricsView[] } {
    const functions = [...this.functions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([functionId, fn]) => {
        const sorted = fn.durations.slice(-this.durationsKept).sort((a, b) => a - b);
        return {
          functionId,
          invocations: fn.invocations,
          errors: fn.errors,
          coldStarts: fn.coldStarts,
          p50Ms: nearestRank(sorted, 50),
          p99Ms: nearestRank(sorted, 99),
          series: fn.minutes.map((minute) => ({
            at: new Date(minute.start).toISOString(),
            invocations: minute.invocations,
            errors: minute.errors,
            p99Ms: nearestRank(
              [...minute.durations].sort((a, b) => a - b),
              99,
            ),
          })),
        };
      });
    return { since: new Date(this.startedAt).toISOString(), functions };
  }
}

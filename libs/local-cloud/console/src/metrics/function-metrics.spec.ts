import { TraceRecorder } from '@harbor/local-cloud-trace';
import { FunctionMetrics } from './function-metrics';
import { nearestRank } from './nearest-rank';

describe('nearestRank', () => {
  it('picks the value at rank ceil(p/100 x n)', () => {
    const values = Array.from({ length: 10 }, (_, i) => (i + 1) * 10); // 10..100
    expect(nearestRank(values, 50)).toBe(50);
    expect(nearestRank(values, 99)).toBe(100);
    expect(nearestRank(values, 90)).toBe(90);
    expect(nearestRank([7], 99)).toBe(7);
    expect(nearestRank([], 50)).toBe(0);
    expect(nearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
  });
});

describe('FunctionMetrics', () => {
  it('counts invocations, errors and cold starts per function, with percentiles and minute buckets', () => {
    const trace = new TraceRecorder();
    const metrics = new FunctionMetrics({ clock: () => Date.parse('2026-12-02T01:00:00Z') });
    trace.subscribe((hop) => metrics.observe(hop));
    const at = (second: number) => new Date(Date.parse('2026-12-02T01:00:00Z') + second * 1000);
    for (let i = 1; i <= 100; i += 1) {
      trace.record({
        correlationId: `c${i}`,
        kind: 'invoke',
        name: 'orders.place',
        durationMs: i,
        status: i % 25 === 0 ? 'error' : 'ok',
        startedAt: at(i < 60 ? 10 : 70),
        detail: { coldStart: i === 1 },
      });
    }
    trace.record({ correlationId: 'x', kind: 'http', name: 'POST /orders', durationMs: 500, status: 'ok' });
    const view = metrics.view();
    expect(view.since).toBe('2026-12-02T01:00:00.000Z');
    expect(view.functions).toEqual([
      {
        functionId: 'orders.place',
        invocations: 100,
        errors: 4,
        coldStarts: 1,
        p50Ms: 50,
        p99Ms: 99,
        series: [
          { at: '2026-12-02T01:00:00.000Z', invocations: 59, errors: 2, p99Ms: 59 },
          { at: '2026-12-02T01:01:00.000Z', invocations: 41, errors: 2, p99Ms: 100 },
        ],
      },
    ]);
  });

  it('keeps bounded windows for percentiles and minutes', () => {
    const metrics = new FunctionMetrics({ durationsKept: 3, minutesKept: 2 });
    const trace = new TraceRecorder();
    trace.subscribe((hop) => metrics.observe(hop));
    for (let i = 0; i < 10; i += 1) {
      trace.record({
        correlationId: 'c',
        kind: 'invoke',
        name: 'f',
        durationMs: 100 - i,
        status: 'ok',
        startedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    const [fn] = metrics.view().functions;
    expect(fn.invocations).toBe(10);
    expect(fn.p99Ms).toBe(93); // the last three: 93, 92, 91
    expect(fn.series.map((minute) => minute.at)).toEqual(['2026-01-01T00:08:00.000Z', '2026-01-01T00:09:00.000Z']);
  });
});

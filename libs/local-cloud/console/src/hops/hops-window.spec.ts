import { TraceRecorder } from '@harbor/local-cloud-trace';
import { InvalidConsoleRequest } from '../errors';
import { hopsLimit, hopsWindowJson } from './hops-window';

const record = (trace: TraceRecorder, count: number) => {
  for (let i = 0; i < count; i += 1) {
    trace.record({
      correlationId: `c${i % 7}`,
      kind: 'invoke',
      name: `orders.fn${i}`,
      durationMs: i,
      status: i % 5 === 0 ? 'error' : 'ok',
      detail: { coldStart: i === 0 },
    });
  }
};

describe('hops window', () => {
  it('answers the most recent hops oldest first, exactly as recorded', () => {
    const trace = new TraceRecorder();
    record(trace, 10);
    const { hops } = JSON.parse(hopsWindowJson(trace, 3)) as { hops: { id: number; name: string; detail: unknown }[] };
    expect(hops.map((hop) => hop.id)).toEqual([8, 9, 10]);
    expect(hops[2]).toEqual(JSON.parse(JSON.stringify(trace.latest(1)[0])));
  });

  it('reads limit from the query: default 2000, 1 to 20,000', () => {
    expect(hopsLimit(null)).toBe(2000);
    expect(hopsLimit('10000')).toBe(10000);
    for (const bad of ['0', '20001', '2.5', 'many']) expect(() => hopsLimit(bad)).toThrow(InvalidConsoleRequest);
  });

  it('answers 10,000 of 50,000 recorded hops well under 100 ms', () => {
    const trace = new TraceRecorder();
    record(trace, 50_000);
    const timings = [0, 1, 2, 3, 4].map(() => {
      const started = performance.now();
      const body = hopsWindowJson(trace, 10_000);
      const elapsed = performance.now() - started;
      expect((JSON.parse(body) as { hops: unknown[] }).hops).toHaveLength(10_000);
      return elapsed;
    });
    expect(Math.min(...timings)).toBeLessThan(100);
  });
});

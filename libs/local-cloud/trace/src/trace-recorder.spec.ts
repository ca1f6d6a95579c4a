import { TraceRecorder } from './trace-recorder';

const hop = (correlationId: string, name: string, status: 'ok' | 'error' = 'ok') =>
  ({ correlationId, kind: 'invoke', name, durationMs: 1, status }) as const;

describe('TraceRecorder', () => {
  it('returns the hops of one correlation id in order', () => {
    const recorder = new TraceRecorder();
    recorder.record(hop('a', 'first'));
    recorder.record(hop('b', 'other'));
    recorder.record(hop('a', 'second'));
    expect(recorder.byCorrelationId('a').map((h) => h.name)).toEqual(['first', 'second']);
  });

  it('summarises recent traces newest first and marks a trace with a failed hop as failed', () => {
    const recorder = new TraceRecorder();
    recorder.record(hop('a', 'x'));
    recorder.record(hop('b', 'y'));
    recorder.record(hop('b', 'z', 'error'));
    expect(recorder.recent()).toEqual([
      expect.objectContaining({ correlationId: 'b', hops: 2, status: 'error' }),
      expect.objectContaining({ correlationId: 'a', hops: 1, status: 'ok' }),
    ]);
  });

  it('forgets the oldest hops beyond its capacity', () => {
    const recorder = new TraceRecorder(2);
    ['1', '2', '3'].forEach((id) => recorder.record(hop(id, id)));
    expect(recorder.byCorrelationId('1')).toEqual([]);
    expect(recorder.byCorrelationId('3')).toHaveLength(1);
  });

  it('keeps exactly the newest hops up to its capacity while it evicts in batches', () => {
    const recorder = new TraceRecorder(1000);
    for (let i = 0; i < 5_050; i += 1) recorder.record(hop(`c${i % 10}`, `h${i}`));
    const kept = recorder.recent(10).reduce((sum, trace) => sum + trace.hops, 0);
    expect(kept).toBe(1000);
    expect(recorder.byCorrelationId('c0').map((h) => h.name)[0]).toBe('h4050');
    expect(recorder.byCorrelationId('c9').at(-1)?.name).toBe('h5049');
  });

  it('notifies live subscribers until they unsubscribe', () => {
    const recorder = new TraceRecorder();
    const seen: string[] = [];
    const unsubscribe = recorder.subscribe((h) => seen.push(h.name));
    recorder.record(hop('a', 'one'));
    unsubscribe();
    recorder.record(hop('a', 'two'));
    expect(seen).toEqual(['one']);
  });

  it('answers the latest hops oldest first, and the hops after an id, within its capacity', () => {
    const recorder = new TraceRecorder(1000);
    for (let i = 0; i < 1_100; i += 1) recorder.record(hop('c', `h${i}`));
    expect(recorder.latest(3).map((h) => h.name)).toEqual(['h1097', 'h1098', 'h1099']);
    expect(recorder.latest(5000)).toHaveLength(1000);
    expect(recorder.after(1098).map((h) => h.id)).toEqual([1099, 1100]);
    expect(recorder.after(0)).toHaveLength(1000);
    expect(recorder.after(1100)).toEqual([]);
  });
});

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

  it('keeps hops of any size in its byte budget, evicting the oldest whole as it wraps around', () => {
    // 2 KB of text for at most 100 hops: the bytes bind first, and hops of mixed sizes wrap around many times.
    const recorder = new TraceRecorder(100, 2048);
    const sizes = [10, 300, 40, 900, 5, 120];
    for (let i = 0; i < 600; i += 1) {
      recorder.record({ ...hop(`c${i % 7}`, `h${i}`), detail: { padding: 'x'.repeat(sizes[i % sizes.length]) } });
    }
    const kept = recorder.latest(1000);
    // Consecutive ids ending with the newest, every one intact (parsed back with its own padding).
    expect(kept.at(-1)?.name).toBe('h599');
    kept.forEach((h, index) => {
      expect(h.id).toBe(kept[0].id + index);
      expect(h.name).toBe(`h${h.id - 1}`);
      expect(h.detail?.['padding']).toBe('x'.repeat(sizes[(h.id - 1) % sizes.length]));
    });
    const textBytes = kept.reduce((sum, h) => sum + Buffer.byteLength(JSON.stringify(h)), 0);
    expect(textBytes).toBeLessThanOrEqual(2048);
    expect(kept.length).toBeGreaterThan(2);
    expect(
      recorder.byCorrelationId('c4').every((h) => h.correlationId === 'c4' && kept.some((k) => k.id === h.id)),
    ).toBe(true);
    expect(JSON.parse(recorder.latestJson(3))).toEqual(kept.slice(-3));
    expect(() => recorder.record({ ...hop('big', 'big'), detail: { padding: 'x'.repeat(4096) } })).toThrow(RangeError);
  });
});

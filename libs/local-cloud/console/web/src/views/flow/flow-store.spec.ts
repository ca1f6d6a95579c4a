import type { Hop } from '../../types';
import { FlowStore } from './flow-store';

let nextId = 1;
const hop = (
  correlationId: string,
  status: Hop['status'] = 'ok',
  startedAt = '2026-01-01T00:00:00.000Z',
  durationMs = 5,
): Hop => ({
  id: nextId++,
  correlationId,
  kind: 'invoke',
  name: `fn-${correlationId}`,
  startedAt,
  durationMs,
  status,
});

describe('FlowStore', () => {
  beforeEach(() => {
    nextId = 1;
  });

  it('groups hops by correlation id, newest group first, in the order groups appeared', () => {
    const store = new FlowStore();
    store.add([hop('a'), hop('b'), hop('a')]);
    store.add([hop('c'), hop('a')]);
    expect([0, 1, 2].map((index) => store.newest(index)?.correlationId)).toEqual(['c', 'b', 'a']);
    expect(store.group('a')?.hops.map((h) => h.id)).toEqual([1, 3, 5]);
    expect(store.hopCount).toBe(5);
  });

  it("orders a group's hops by when they started, whatever order they were recorded in", () => {
    const store = new FlowStore();
    store.add([
      hop('a', 'ok', '2026-01-01T00:00:00.200Z'),
      hop('a', 'ok', '2026-01-01T00:00:00.300Z'),
      hop('a', 'ok', '2026-01-01T00:00:00.000Z'),
      hop('a', 'ok', '2026-01-01T00:00:00.250Z'),
    ]);
    expect(store.group('a')?.hops.map((h) => h.id)).toEqual([3, 1, 4, 2]);
  });

  it('skips hops it already has, so a stream replay overlapping the first load adds nothing twice', () => {
    const store = new FlowStore();
    const first = [hop('a'), hop('a')];
    store.add(first);
    expect(store.add([...first, hop('a')])).toBe(1);
    expect(store.group('a')?.hops).toHaveLength(3);
    expect(store.newestHopId).toBe(3);
  });

  it('spans a group from its first start to its last end and marks it failed when any hop failed', () => {
    const store = new FlowStore();
    store.add([
      hop('a', 'ok', '2026-01-01T00:00:00.000Z', 10),
      hop('a', 'error', '2026-01-01T00:00:00.100Z', 50),
      hop('a', 'ok', '2026-01-01T00:00:00.020Z', 5),
    ]);
    const group = store.group('a')!;
    expect(group.endedAtMs - group.startedAtMs).toBe(150);
    expect(group.status).toBe('error');
    expect(group.revision).toBe(2);
  });

  it('takes older history after the newest hops: older groups go behind, hops it holds are skipped', () => {
    const store = new FlowStore();
    const history = [hop('a'), hop('b'), hop('c'), hop('b'), hop('d')];
    store.add(history.slice(3));
    expect([store.size, store.newest(0)?.correlationId, store.newest(1)?.correlationId]).toEqual([2, 'd', 'b']);
    expect(store.addOlder(history)).toBe(3);
    expect([0, 1, 2, 3].map((index) => store.newest(index)?.correlationId)).toEqual(['d', 'b', 'c', 'a']);
    expect(store.group('b')?.hops.map((h) => h.id)).toEqual([2, 4]);
    expect(store.hopCount).toBe(5);
    expect(store.add([hop('e')])).toBe(1);
  });

  it('forgets the oldest quarter of its groups past 20,000, keeping the newest', () => {
    const store = new FlowStore();
    store.add(Array.from({ length: 20_001 }, (_, index) => hop(`g${index}`)));
    expect(store.size).toBe(15_001);
    expect(store.group('g0')).toBeUndefined();
    expect(store.newest(0)?.correlationId).toBe('g20000');
    expect(store.hopCount).toBe(15_001);
  });
});

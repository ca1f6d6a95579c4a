import type { Hop } from '../../types';
import { filteredRows, functionsSeen, groupMatches, NO_FILTER, type FlowFilter } from './flow-filter';
import { correlationIdOfHash, flowHash } from './flow-link';
import { FlowStore } from './flow-store';

let nextId = 1;
const hop = (correlationId: string, kind: Hop['kind'], name: string, extra: Partial<Hop> = {}): Hop => ({
  id: nextId++,
  correlationId,
  kind,
  name,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  status: 'ok',
  ...extra,
});

const store = new FlowStore();
store.add([
  hop('order-1', 'invoke', 'orders.placeOrder'),
  hop('order-1', 'http', 'POST /orders', { detail: { status: 201 } }),
  hop('missing', 'invoke', 'orders.getOrder'),
  hop('missing', 'http', 'GET /orders/{orderId}', { detail: { status: 404 } }),
  hop('stock', 'stream', 'harbor-e2e-orders → orders.publishOutbox', {
    detail: { functionId: 'orders.publishOutbox' },
  }),
  hop('stock', 'invoke', 'inventory.reserveStock', { status: 'error' }),
]);

const rows = (filter: Partial<FlowFilter>) => {
  const found = filteredRows(store, { ...NO_FILTER, ...filter });
  return Array.from({ length: found.size }, (_, index) => found.newest(index)?.correlationId);
};

describe('the flow filters', () => {
  it('keeps every group, newest first, when nothing is asked', () => {
    expect(rows({})).toEqual(['stock', 'missing', 'order-1']);
  });

  it('filters by service, function, HTTP status, errors and text', () => {
    expect(rows({ service: 'inventory' })).toEqual(['stock']);
    expect(rows({ functionId: 'orders.getOrder' })).toEqual(['missing']);
    expect(rows({ functionId: 'orders.publishOutbox' })).toEqual(['stock']);
    expect(rows({ status: '4' })).toEqual(['missing']);
    expect(rows({ status: '201' })).toEqual(['order-1']);
    expect(rows({ errorsOnly: true })).toEqual(['stock']);
    expect(rows({ text: 'POST /ORD' })).toEqual(['order-1']);
    expect(rows({ text: 'miss' })).toEqual(['missing']);
    expect(rows({ service: 'orders', status: '5' })).toEqual([]);
    expect(groupMatches(store.group('order-1')!, { ...NO_FILTER, service: 'orders', status: '2' })).toBe(true);
  });

  it('lists the functions seen, for the filter choices', () => {
    expect(functionsSeen(store)).toEqual([
      'inventory.reserveStock',
      'orders.getOrder',
      'orders.placeOrder',
      'orders.publishOutbox',
    ]);
  });
});

describe('flow deep links', () => {
  it('round-trips any correlation id through the hash, and ignores other hashes', () => {
    for (const id of ['order-1', 'a/b c#d', 'é%']) expect(correlationIdOfHash(flowHash(id))).toBe(id);
    expect(correlationIdOfHash('#/flow')).toBeUndefined();
    expect(correlationIdOfHash('#/tables/x')).toBeUndefined();
    expect(correlationIdOfHash('#/flow/%E0%A4%A')).toBeUndefined();
  });
});

import { TraceRecorder, type HopInput } from '@harbor/local-cloud-trace';
import { AWS_PRICES } from './price-table';
import { gbSeconds, increments } from './usage';
import { UsageMeter } from './usage-meter';

describe('billing increments', () => {
  it('counts at least one increment, and each started one', () => {
    expect(increments(undefined, 65_536)).toBe(1);
    expect(increments(10, 65_536)).toBe(1);
    expect(increments(65_536, 65_536)).toBe(1);
    expect(increments(65_537, 65_536)).toBe(2);
    expect(increments(256 * 1024, 65_536)).toBe(4);
  });

  it('bills Lambda duration rounded up to the millisecond times configured memory', () => {
    expect(gbSeconds(100.2, 1024)).toBeCloseTo(0.101, 12);
    expect(gbSeconds(50, 512)).toBeCloseTo(0.025, 12);
    expect(gbSeconds(0.3, 128)).toBeCloseTo(0.000125, 12);
  });
});

describe('UsageMeter', () => {
  it('counts billable usage from the hops as they are recorded', () => {
    let now = Date.parse('2026-12-02T00:00:00Z');
    const trace = new TraceRecorder();
    const meter = new UsageMeter({
      prices: AWS_PRICES,
      isHttpApi: (api) => api === 'orders-http',
      memoryMbOf: (id) => (id === 'orders.place' ? 1024 : 256),
      clock: () => now,
    });
    trace.subscribe((hop) => meter.observe(hop));
    const at = (offsetMs: number) => new Date(Date.parse('2026-12-02T00:00:00Z') + offsetMs);
    const hops: HopInput[] = [
      {
        correlationId: 'a',
        kind: 'http',
        name: 'POST /orders',
        durationMs: 5,
        status: 'ok',
        detail: { api: 'orders-rest' },
      },
      {
        correlationId: 'b',
        kind: 'http',
        name: 'GET /orders',
        durationMs: 5,
        status: 'ok',
        detail: { api: 'orders-http', requestBytes: 600 * 1024 },
      },
      { correlationId: 'a', kind: 'invoke', name: 'orders.place', durationMs: 100.2, status: 'ok' },
      { correlationId: 'b', kind: 'invoke', name: 'orders.list', durationMs: 40, status: 'error' },
      {
        correlationId: 'a',
        kind: 'publish',
        name: 'topic',
        durationMs: 1,
        status: 'ok',
        detail: { messageBytes: 70_000 },
      },
      { correlationId: 'a', kind: 'put-events', name: 'bus', durationMs: 1, status: 'ok' },
      {
        correlationId: 'a',
        kind: 'dynamodb',
        name: 'PutItem t',
        durationMs: 1,
        status: 'ok',
        detail: { writeUnits: 2, readUnits: 0 },
      },
      {
        correlationId: 'a',
        kind: 'dynamodb',
        name: 'GetItem t',
        durationMs: 1,
        status: 'ok',
        detail: { readUnits: 0.5 },
      },
      {
        correlationId: 'w',
        kind: 'websocket',
        name: '$connect',
        durationMs: 1,
        status: 'ok',
        startedAt: at(0),
        detail: { connectionId: 'c1' },
      },
      {
        correlationId: 'w',
        kind: 'websocket',
        name: 'sendMessage',
        durationMs: 1,
        status: 'ok',
        startedAt: at(1000),
        detail: { connectionId: 'c1' },
      },
      {
        correlationId: 'w',
        kind: 'websocket',
        name: 'POST @connections',
        durationMs: 1,
        status: 'ok',
        startedAt: at(2000),
        detail: { connectionId: 'c1' },
      },
      {
        correlationId: 'w',
        kind: 'websocket',
        name: '$disconnect',
        durationMs: 1,
        status: 'ok',
        startedAt: at(90_000),
        detail: { connectionId: 'c1' },
      },
      {
        correlationId: 'w',
        kind: 'websocket',
        name: '$connect',
        durationMs: 1,
        status: 'ok',
        startedAt: at(0),
        detail: { connectionId: 'c2' },
      },
    ];
    hops.forEach((hop) => trace.record(hop));
    now += 30_000;
    expect(meter.usage()).toEqual({
      sinceStart: '2026-12-02T00:00:00.000Z',
      restRequests: 1,
      httpApiRequests: 2,
      websocketMessages: 2,
      websocketConnectionMinutes: 3, // c1: 90 s = 2 started minutes; c2 still open for 30 s = 1
      lambdaRequests: 2,
      lambdaGbSeconds: expect.closeTo(0.101 + 0.01, 12),
      snsPublishes: 2,
      eventBridgeEvents: 1,
      dynamodbReadUnits: 0.5,
      dynamodbWriteUnits: 2,
    });
  });
});

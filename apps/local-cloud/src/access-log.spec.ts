import type { Hop } from '@harbor/local-cloud-trace';
import { accessLogLine, useColor } from './access-log';

const hop = (over: Partial<Hop>): Hop => ({
  id: 1,
  correlationId: 'corr-1',
  kind: 'http',
  name: 'POST /orders',
  startedAt: '2026-12-07T00:00:00.000Z',
  durationMs: 12.345,
  status: 'ok',
  ...over,
});
const plain = { color: false, memoryMb: new Map([['orders.placeOrder', 256]]) };

describe('the access log', () => {
  it('prints an API request as route, status, duration, API and correlation id', () => {
    const line = accessLogLine(hop({ detail: { api: 'harbor-local-orders-api', status: 201 } }), plain);
    expect(line).toBe('POST /orders 201 12.35 ms  harbor-local-orders-api  corr-1');
  });

  // https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html: REPORT RequestId, Duration, Billed Duration, Memory Size, Init Duration.
  it("prints an invocation as Lambda's REPORT line, billed to the next millisecond, with Init Duration cold", () => {
    const cold = hop({
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 41.2,
      detail: { requestId: 'req-1', coldStart: true, initDurationMs: 180.5 },
    });
    expect(accessLogLine(cold, plain)).toBe(
      'REPORT orders.placeOrder RequestId: req-1\tDuration: 41.20 ms\tBilled Duration: 42 ms\tMemory Size: 256 MB\tInit Duration: 180.50 ms  corr-1',
    );
    const warm = hop({
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 0.2,
      detail: { requestId: 'req-2', coldStart: false },
    });
    expect(accessLogLine(warm, plain)).toBe(
      'REPORT orders.placeOrder RequestId: req-2\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB  corr-1',
    );
  });

  it('names the error of a failed invocation, and prints nothing for other hops', () => {
    const detail = { requestId: 'req-3', coldStart: false, errorType: 'TypeError' };
    const failed = hop({ kind: 'invoke', name: 'orders.placeOrder', status: 'error', detail });
    expect(accessLogLine(failed, plain)).toContain('\tError: TypeError');
    expect(accessLogLine(hop({ kind: 'dynamodb', name: 'PutItem' }), plain)).toBeUndefined();
  });

  it('colours on a terminal only, and never with NO_COLOR (https://no-color.org)', () => {
    const cases = [
      useColor({ isTTY: true }, {}),
      useColor({ isTTY: true }, { NO_COLOR: '1' }),
      useColor({ isTTY: false }, {}),
      useColor({}, {}),
    ];
    expect(cases).toEqual([true, false, false, false]);
    expect(accessLogLine(hop({ detail: { status: 500 } }), { ...plain, color: true })).toContain(
      '\u001b[31m500\u001b[0m',
    );
  });
});

import { JsonText, PAYLOAD_PART_CAP_BYTES, TraceRecorder } from '@harbor/local-cloud-trace';
import { consoleJson } from '../backend/console-answers';
import { createConsoleBackend, type ConsoleBackend, type ConsoleServingOptions } from '../backend/console-backend';
import type { ConsoleResponse } from '../static-console';
import type { ConsoleInvoker } from './console-invoker';
import { MAX_EVENT_BYTES } from './invoke-routes';
import { SAMPLE_EVENTS } from './sample-events';

const serving: ConsoleServingOptions = {
  messaging: { env: 'unit', topics: [], subscriptions: [], buses: [], rules: [] },
  routes: () => [],
  v2Routes: () => ({ httpApi: [], websocket: [] }),
  restApi: 'http://127.0.0.1:3000',
  httpApi: 'http://127.0.0.1:3001',
  websocketUrls: {},
};

/** The invoker port, in memory: echoes the event, fails on `{ "fail": true }`, records its hop as the runtime does. */
function echoInvoker(trace: TraceRecorder, calls: unknown[]): ConsoleInvoker {
  return {
    has: (functionId) => functionId === 'orders.placeOrder',
    async invoke(request) {
      calls.push(request);
      const failed = (request.event as { fail?: boolean } | null)?.fail === true;
      trace.record({
        correlationId: request.correlationId,
        kind: 'invoke',
        name: request.functionId,
        durationMs: 1,
        status: failed ? 'error' : 'ok',
        payload: { event: new JsonText(JSON.stringify(request.event)) },
      });
      const common = { durationMs: 1, coldStart: false, requestId: 'r-1' };
      return failed
        ? { ...common, ok: false, error: { errorType: 'Error', errorMessage: 'asked to fail' } }
        : { ...common, ok: true, result: { echoed: request.event } };
    },
  };
}

describe('invoke and replay endpoints', () => {
  let trace: TraceRecorder;
  let backend: ConsoleBackend;
  let handle: (request: { method: string; url: string; path: string; body: Buffer }) => Promise<ConsoleResponse>;
  let calls: unknown[];

  beforeEach(() => {
    trace = new TraceRecorder();
    calls = [];
    backend = createConsoleBackend({
      trace,
      tables: [],
      dynamodbEndpoint: 'http://127.0.0.1:1',
      functions: () => [{ id: 'orders.placeOrder', name: 'harbor-unit-orders-placeOrder', memoryMb: 1024 }],
      correlationIdOfRequest: () => undefined,
      log: () => undefined,
      invoker: () => echoInvoker(trace, calls),
    });
    handle = backend.serve(async (incoming) => consoleJson(418, { passedOn: incoming.path }), serving);
  });
  afterEach(() => backend.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const raw = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    const response = await handle({ method, url: path, path, body: Buffer.from(raw) });
    return {
      status: response.status,
      type: response.headers?.['content-type'],
      body: JSON.parse(String(response.body)) as Record<string, unknown>,
    };
  };

  it('lists the functions and a sample event per event source', async () => {
    const listed = await call('GET', '/_local/invoke');
    expect(listed.body['functions']).toEqual([{ id: 'orders.placeOrder', name: 'harbor-unit-orders-placeOrder' }]);
    expect((listed.body['samples'] as { id: string }[]).map((sample) => sample.id)).toEqual([
      'apigateway-rest',
      'apigateway-http',
      'sns',
      'eventbridge',
      'dynamodb-stream',
      'websocket',
    ]);
  });

  it('invokes a function with an event under a new correlation id, and says how it went', async () => {
    const answer = await call('POST', '/_local/invoke', { functionId: 'orders.placeOrder', event: { a: 1 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.objectContaining({ ok: true, functionId: 'orders.placeOrder', result: { echoed: { a: 1 } } }),
    );
    const correlationId = answer.body['correlationId'] as string;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls).toEqual([
      { functionId: 'orders.placeOrder', event: { a: 1 }, correlationId, invocationType: 'RequestResponse' },
    ]);
    const failed = await call('POST', '/_local/invoke', { functionId: 'orders.placeOrder', event: { fail: true } });
    expect(failed.body).toEqual(
      expect.objectContaining({ ok: false, error: { errorType: 'Error', errorMessage: 'asked to fail' } }),
    );
  });

  it('replays a recorded invocation: the same event, a new correlation id, the recorded hop named', async () => {
    const recorded = trace.record({
      correlationId: 'original',
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 3,
      status: 'ok',
      payload: { event: new JsonText('{"orderId":"o-1"}') },
    });
    const answer = await call('POST', '/_local/replay', { hopId: recorded.id });
    expect(answer.body).toEqual(
      expect.objectContaining({ ok: true, replayOf: recorded.id, result: { echoed: { orderId: 'o-1' } } }),
    );
    expect(answer.body['correlationId']).not.toBe('original');
    expect(trace.byCorrelationId(answer.body['correlationId'] as string)).toHaveLength(1);
  });

  it('shows a hop with its payload by id', async () => {
    const recorded = trace.record({
      correlationId: 'c',
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 3,
      status: 'ok',
      payload: { event: { orderId: 'o-1' }, result: new JsonText('{"statusCode":201}') },
    });
    const answer = await call('GET', `/_local/hops/${recorded.id}`);
    expect(answer.body['payload']).toEqual({ event: { orderId: 'o-1' }, result: { statusCode: 201 } });
    expect((await call('GET', '/_local/hops/999')).status).toBe(404);
    expect((await call('GET', '/_local/hops/1e3')).status).toBe(400);
  });

  it.each([
    [
      'an unknown function',
      '/_local/invoke',
      { functionId: 'nope.nothing', event: {} },
      404,
      /nope\.nothing.*orders\.placeOrder/,
    ],
    ['a body that is not JSON', '/_local/invoke', '{"functionId":', 400, /not JSON/],
    ['a body without an event', '/_local/invoke', { functionId: 'orders.placeOrder' }, 400, /"event"/],
    ['a hop id that is not a number', '/_local/replay', { hopId: 'one' }, 400, /hopId/],
    ['a hop no longer kept', '/_local/replay', { hopId: 12345 }, 404, /hop 12345/],
  ])('answers %s with a problem', async (_case, path, body, status, detail) => {
    const answer = await call('POST', path, body);
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body['detail']).toMatch(detail);
    expect(calls).toEqual([]);
  });

  it("refuses an event over Lambda's 6 MB synchronous payload quota with 413", async () => {
    // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: 6 MB request payload.
    const event = { data: 'x'.repeat(MAX_EVENT_BYTES) };
    const answer = await call('POST', '/_local/invoke', { functionId: 'orders.placeOrder', event });
    expect(answer.status).toBe(413);
    expect(answer.type).toBe('application/problem+json');
    expect(calls).toEqual([]);
  });

  it('refuses to replay an event the trace cut, and a hop that is no invocation', async () => {
    const cut = trace.record({
      correlationId: 'big',
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 3,
      status: 'ok',
      payload: { event: { data: 'x'.repeat(PAYLOAD_PART_CAP_BYTES) } },
    });
    const answer = await call('POST', '/_local/replay', { hopId: cut.id });
    expect(answer.status).toBe(409);
    expect(answer.body['detail']).toMatch(/cut/);
    const http = trace.record({ correlationId: 'h', kind: 'http', name: 'GET /', durationMs: 1, status: 'ok' });
    expect((await call('POST', '/_local/replay', { hopId: http.id })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('offers sample events that are JSON objects of their documented shape', () => {
    for (const sample of SAMPLE_EVENTS) expect(sample.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const byId = new Map(SAMPLE_EVENTS.map((sample) => [sample.id, sample.event as Record<string, unknown>]));
    expect(byId.get('apigateway-http')?.['version']).toBe('2.0');
    expect(byId.get('eventbridge')?.['detail-type']).toBe('OrderPlaced');
  });
});

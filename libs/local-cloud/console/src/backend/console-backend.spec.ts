import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleResponse } from '../static-console';
import { consoleJson } from './console-answers';
import {
  createConsoleBackend,
  type ConsoleApiRequest,
  type ConsoleBackend,
  type ConsoleServingOptions,
} from './console-backend';

const REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const serving: ConsoleServingOptions = {
  messaging: {
    env: 'unit',
    topics: [
      { name: 'harbor-unit-payment-events', arn: 'arn:aws:sns:us-east-1:000000000000:harbor-unit-payment-events' },
    ],
    subscriptions: [
      {
        name: 'orders-payments',
        topicArn: 'arn:aws:sns:us-east-1:000000000000:harbor-unit-payment-events',
        functionId: 'orders.recordPayment',
        filterPolicy: { currency: ['EUR'] },
        filterPolicyScope: 'MessageAttributes',
        rawMessageDelivery: false,
        deadLetterQueue: true,
      },
    ],
    buses: [{ name: 'harbor-unit-events', arn: 'arn:aws:events:us-east-1:000000000000:event-bus/harbor-unit-events' }],
    rules: [],
  },
  routes: () => [
    {
      method: 'POST',
      path: '/orders',
      integration: 'aws_proxy',
      target: 'orders.placeOrder',
      authorization: 'NONE',
      apiKeyRequired: false,
      api: 'harbor-unit-orders',
    },
  ],
  v2Routes: () => ({
    httpApi: [
      {
        routeKey: 'GET /items',
        functionId: 'inventory.list',
        authorization: 'JWT',
        authorizerName: 'jwt',
        scopes: ['inventory/read'],
        timeoutMs: 30_000,
        api: 'harbor-unit-inventory-http',
      },
    ],
    websocket: [],
  }),
  restApi: 'http://127.0.0.1:3000',
  httpApi: 'http://127.0.0.1:3001',
  websocketUrls: {},
};

const request = (method: string, url: string, body = ''): ConsoleApiRequest => ({
  method,
  url,
  path: url.split('?', 1)[0],
  body: Buffer.from(body),
});

/** A plain server for the stream's tests: the raw route first, then whole responses, as the AWS endpoint does. */
async function serveOnLoopback(
  backend: ConsoleBackend,
  handle: (request: ConsoleApiRequest) => Promise<ConsoleResponse>,
) {
  const server = createServer((incoming, outgoing) => {
    if (backend.takeStream(incoming, outgoing)) return;
    const url = incoming.url ?? '/';
    void handle({ method: incoming.method ?? 'GET', url, path: url.split('?', 1)[0], body: Buffer.alloc(0) }).then(
      (answer) => outgoing.writeHead(answer.status, answer.headers).end(answer.body),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe('console endpoints, wired as the local cloud wires them', () => {
  let trace: TraceRecorder;
  let backend: ConsoleBackend;
  let handle: (request: ConsoleApiRequest) => Promise<ConsoleResponse>;
  const printed: string[] = [];

  beforeEach(() => {
    trace = new TraceRecorder();
    backend = createConsoleBackend({
      trace,
      tables: [],
      dynamodbEndpoint: 'http://127.0.0.1:1',
      functions: () => [{ id: 'orders.placeOrder', name: 'harbor-unit-orders-placeOrder', memoryMb: 1024 }],
      correlationIdOfRequest: (requestId) => (requestId === REQUEST_ID ? 'order-1' : undefined),
      log: (functionId, line) => printed.push(`${functionId} ${line}`),
      invoker: () => ({ has: () => false, invoke: () => Promise.reject(new Error('no function runs here')) }),
    });
    handle = backend.serve(async (incoming) => consoleJson(418, { passedOn: incoming.path }), serving);
  });
  afterEach(() => backend.close());

  const json = async (method: string, url: string, body?: string) => {
    const response = await handle(request(method, url, body));
    return {
      status: response.status,
      type: response.headers?.['content-type'],
      body: JSON.parse(String(response.body)) as Record<string, unknown>,
    };
  };

  it('answers hops, metrics and cost from what the trace recorded', async () => {
    trace.record({
      correlationId: 'order-1',
      kind: 'http',
      name: 'POST /orders',
      durationMs: 12,
      status: 'ok',
      detail: { api: 'harbor-unit-orders' },
    });
    trace.record({
      correlationId: 'order-1',
      kind: 'invoke',
      name: 'orders.placeOrder',
      durationMs: 99.5,
      status: 'ok',
      detail: { coldStart: true },
    });
    expect((await json('GET', '/_local/hops?limit=1')).body).toEqual({
      hops: [expect.objectContaining({ id: 2, kind: 'invoke' })],
    });
    expect((await handle(request('GET', '/_local/hops'))).headers?.['server-timing']).toMatch(/^hops;dur=\d+\.\d$/);
    const metrics = (await json('GET', '/_local/metrics')).body as { functions: Record<string, unknown>[] };
    expect(metrics.functions).toEqual([
      expect.objectContaining({ functionId: 'orders.placeOrder', invocations: 1, coldStarts: 1, p50Ms: 99.5 }),
    ]);
    const cost = (await json('GET', '/_local/cost?monthlyRequests=1000')).body as {
      observed: Record<string, number>;
      monthly: { scale: number };
    };
    expect(cost.observed).toMatchObject({
      restRequests: 1,
      httpApiRequests: 0,
      lambdaRequests: 1,
      lambdaGbSeconds: 0.1,
    });
    expect(cost.monthly.scale).toBe(1000);
  });

  it('keeps log lines by correlation id and passes them on', async () => {
    backend.log('orders.placeOrder', `2026-12-02T01:00:00.000Z\t${REQUEST_ID}\tINFO\tplaced`);
    backend.log('orders.placeOrder', 'loading');
    expect((await json('GET', '/_local/logs?correlationId=order-1')).body).toEqual({
      logs: [expect.objectContaining({ functionId: 'orders.placeOrder', correlationId: 'order-1' })],
    });
    expect(((await json('GET', '/_local/logs?functionId=orders.placeOrder')).body['logs'] as unknown[]).length).toBe(2);
    expect(printed.at(-1)).toBe('orders.placeOrder loading');
  });

  it('lists messaging, explains matches and answers problems as problem+json', async () => {
    const messaging = (await json('GET', '/_local/messaging')).body as {
      topics: { subscriptions: unknown[] }[];
      buses: { name: string }[];
    };
    expect(messaging.topics[0].subscriptions).toEqual([
      expect.objectContaining({ name: 'orders-payments', deadLetterQueue: 'harbor-unit-orders-payments-dlq' }),
    ]);
    expect(messaging.buses).toEqual([
      {
        name: 'harbor-unit-events',
        arn: 'arn:aws:events:us-east-1:000000000000:event-bus/harbor-unit-events',
        rules: [],
      },
    ]);
    const miss = await json(
      'POST',
      '/_local/match',
      JSON.stringify({
        subscription: 'orders-payments',
        message: { attributes: { currency: { Type: 'String', Value: 'JPY' } } },
      }),
    );
    expect(miss.body).toEqual({
      matches: false,
      explanation: [{ path: 'currency', ok: false, reason: 'expected one of ["EUR"], got "JPY"' }],
    });
    const notJson = await json('POST', '/_local/match', '{');
    expect(notJson).toMatchObject({
      status: 400,
      type: 'application/problem+json',
      body: { status: 400, detail: 'the body is not JSON' },
    });
    const unknownTable = await json('GET', '/_local/tables/nope/items');
    expect(unknownTable).toMatchObject({
      status: 404,
      type: 'application/problem+json',
      body: { code: 'CONSOLE.NOT_FOUND' },
    });
  });

  it('adds URLs, authorizer and scopes to the routes, and passes other paths on', async () => {
    const routes = (await json('GET', '/_local/routes')).body as { routes: unknown[]; httpApiRoutes: unknown[] };
    expect(routes.routes).toEqual([expect.objectContaining({ path: '/orders', url: 'http://127.0.0.1:3000/orders' })]);
    expect(routes.httpApiRoutes).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:3001/items', authorizer: 'jwt', scopes: ['inventory/read'] }),
    ]);
    expect(await json('GET', '/_local/dlq')).toMatchObject({ status: 418, body: { passedOn: '/_local/dlq' } });
    expect(await json('POST', '/')).toMatchObject({ status: 418 });
  });

  describe('the event stream on the server', () => {
    let server: Server;
    beforeEach(async () => {
      server = await serveOnLoopback(backend, handle);
    });
    afterEach(() => new Promise((resolve) => server.close(resolve).closeAllConnections()));

    it('replays after an id, then streams new hops and log lines, while other requests are still answered', async () => {
      trace.record({ correlationId: 'a', kind: 'http', name: 'first', durationMs: 1, status: 'ok' });
      trace.record({ correlationId: 'a', kind: 'http', name: 'second', durationMs: 1, status: 'ok' });
      const abort = new AbortController();
      const response = await fetch(`http://127.0.0.1:${portOf(server)}/_local/stream?after=1`, {
        signal: abort.signal,
      });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) text += (await reader.read()).value ?? '';
      };
      await readUntil('"name":"second"');
      trace.record({ correlationId: 'a', kind: 'invoke', name: 'third', durationMs: 1, status: 'ok' });
      backend.log('orders.placeOrder', 'hello');
      await readUntil('"line":"hello"');
      expect(text).not.toContain('"name":"first"');
      expect(text.indexOf('"name":"second"')).toBeLessThan(text.indexOf('"name":"third"'));
      expect((await fetch(`http://127.0.0.1:${portOf(server)}/_local/hops?limit=1`)).status).toBe(200);
      abort.abort();
    });

    it('refuses an after that is not a hop id', async () => {
      const response = await fetch(`http://127.0.0.1:${portOf(server)}/_local/stream?after=abc`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });
});

import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { randomUUID } from 'node:crypto';
import { eventually, localToken, putOnSale, startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * Hop payloads, replay and invoke (issue 20), over real HTTP to a started local cloud: an order is placed, its http
 * and invoke hops carry the request, response, event and result (credentials redacted), the invocation is replayed
 * and invoked again with an edited event, and each run is a new flow of its own.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);

type Hop = {
  id: number;
  correlationId: string;
  kind: string;
  name: string;
  payload?: Record<string, unknown>;
};
type Answer = { ok: boolean; correlationId: string; functionId: string; replayOf?: number; result?: unknown };
type ProxyEvent = { headers: Record<string, string>; multiValueHeaders: Record<string, string[]>; body: string };

let cloud: RunningLocalCloud;
const local = (path: string, init?: RequestInit) => fetch(`${cloud.endpoints.aws}/_local${path}`, init);
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  local(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const traceOf = async (correlationId: string): Promise<Hop[]> =>
  ((await (await local(`/traces?correlationId=${correlationId}`)).json()) as { hops: Hop[] }).hops;
const hopById = async (id: number): Promise<Hop> => (await (await local(`/hops/${id}`)).json()) as Hop;

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, () => undefined);
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

describe('hop payloads, replay and invoke', () => {
  const correlationId = `replay-${randomUUID()}`;
  const sku = `REPLAY-${randomUUID().slice(0, 8).toUpperCase()}`;
  let invokeHop: Hop;
  let orderId: string;

  beforeAll(async () => {
    await putOnSale(cloud, [sku], { EUR: 990 });
    const token = await localToken(cloud, { sub: `replay-${randomUUID()}` });
    const response = await fetch(`${cloud.endpoints.restApi}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-correlation-id': correlationId,
        authorization: token,
      },
      body: JSON.stringify({ currency: 'EUR', lines: [{ sku, quantity: 1 }] }),
    });
    expect(response.status).toBe(201);
    orderId = ((await response.json()) as { orderId: string }).orderId;
    const hops = await eventually(async () => {
      const found = await traceOf(correlationId);
      expect(found.map((hop) => hop.kind)).toEqual(expect.arrayContaining(['http', 'invoke']));
      return found;
    }, 10_000);
    invokeHop = hops.find((hop) => hop.kind === 'invoke' && hop.name === 'orders.placeOrder')!;
    expect(invokeHop).toBeDefined();
  }, 90_000);

  it('keeps the HTTP request and response of the http hop, the authorization header redacted', async () => {
    const http = (await traceOf(correlationId)).find((hop) => hop.kind === 'http')!;
    const full = await hopById(http.id);
    const request = full.payload?.['request'] as { method: string; headers: Record<string, string> };
    expect(request.method).toBe('POST');
    expect(request.headers['authorization']).toBe('[redacted]');
    expect(request.headers['x-correlation-id']).toBe(correlationId);
    expect(JSON.parse(full.payload?.['requestBody'] as string)).toEqual({
      currency: 'EUR',
      lines: [{ sku, quantity: 1 }],
    });
    expect((full.payload?.['response'] as { status: number }).status).toBe(201);
    expect(full.payload?.['responseBody']).toContain(orderId);
    // The window stays small: payloads are read one hop at a time.
    const window = (await (await local('/hops?limit=50')).json()) as { hops: Hop[] };
    expect(window.hops.some((hop) => hop.payload !== undefined)).toBe(false);
  });

  it('keeps the Lambda event and result of the invoke hop', async () => {
    const full = await hopById(invokeHop.id);
    const event = full.payload?.['event'] as ProxyEvent;
    expect(JSON.parse(event.body)).toEqual({ currency: 'EUR', lines: [{ sku, quantity: 1 }] });
    expect(event.headers['authorization']).toBe('[redacted]');
    expect(event.multiValueHeaders['authorization']).toBe('[redacted]');
    expect(full.payload?.['result']).toEqual(expect.objectContaining({ statusCode: 201 }));
  });

  it('replays the recorded invocation as a new flow', async () => {
    const response = await postJson('/replay', { hopId: invokeHop.id });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer).toEqual(
      expect.objectContaining({ ok: true, functionId: 'orders.placeOrder', replayOf: invokeHop.id }),
    );
    expect(answer.correlationId).not.toBe(correlationId);
    // Same event, same idempotency key: the order placed the first time, answered again.
    expect(JSON.parse((answer.result as { body: string }).body)).toEqual(expect.objectContaining({ orderId }));
    const replayed = await traceOf(answer.correlationId);
    expect(replayed.filter((hop) => hop.kind === 'invoke').map((hop) => hop.name)).toEqual(['orders.placeOrder']);
    expect(replayed.some((hop) => hop.kind === 'dynamodb')).toBe(true);
  });

  it('invokes the function with an edited event: a new idempotency key and quantity place a new order', async () => {
    const recorded = (await hopById(invokeHop.id)).payload?.['event'] as ProxyEvent;
    const key = randomUUID();
    const edited = {
      ...recorded,
      headers: { ...recorded.headers, 'idempotency-key': key },
      multiValueHeaders: { ...recorded.multiValueHeaders, 'idempotency-key': [key] },
      body: JSON.stringify({ currency: 'EUR', lines: [{ sku, quantity: 2 }] }),
    };
    const response = await postJson('/invoke', { functionId: 'orders.placeOrder', event: edited });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    const result = answer.result as { statusCode: number; body: string };
    expect(result.statusCode).toBe(201);
    const placed = JSON.parse(result.body) as { orderId: string; lines: { quantity: number }[] };
    expect(placed.orderId).not.toBe(orderId);
    expect(placed.lines[0]?.quantity).toBe(2);
    const hops = await traceOf(answer.correlationId);
    const invoked = hops.find((hop) => hop.kind === 'invoke')!;
    expect(JSON.parse(((await hopById(invoked.id)).payload?.['event'] as ProxyEvent).body).lines[0].quantity).toBe(2);
  });

  it('lists the functions and sample events for the invoke form', async () => {
    const listed = (await (await local('/invoke')).json()) as {
      functions: { id: string }[];
      samples: { id: string }[];
    };
    expect(listed.functions.map((fn) => fn.id)).toContain('orders.placeOrder');
    expect(listed.samples.map((sample) => sample.id)).toContain('apigateway-http');
  });

  it.each([
    ['an unknown function', '/invoke', { functionId: 'orders.nothing', event: {} }, {}, 404],
    ['a body that is not JSON', '/invoke', '{"functionId": "orders.placeOrder", "event": ', {}, 400],
    ['a hop that is not kept', '/replay', { hopId: 99_999_999 }, {}, 404],
  ])('answers %s with a problem', async (_case, path, body, headers, status) => {
    const response = await postJson(path, body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it("refuses an event over Lambda's 6 MB payload quota with 413 problem+json", async () => {
    // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (6 MB, synchronous invocation)
    const event = { data: 'x'.repeat(6 * 1024 * 1024) };
    const response = await postJson('/invoke', { functionId: 'orders.placeOrder', event });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a state change that is not JSON, or that a page of another origin sent', async () => {
    const form = await local('/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ functionId: 'orders.placeOrder', event: {} }),
    });
    expect(form.status).toBe(415);
    const foreign = await postJson('/replay', { hopId: invokeHop.id }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()) as { code: string }).toEqual(
      expect.objectContaining({ code: 'LOCAL.FOREIGN_ORIGIN' }),
    );
  });
});

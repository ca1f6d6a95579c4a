import { randomUUID } from 'node:crypto';
import { createObservability } from '../observability/observability';
import { httpHandler } from './http-handler';
import type { HttpHandlerInput } from './http-handler.types';
import { jsonBodyOf, jsonRequest, lambdaContext, proxyEvent } from '../testing/lambda-fixtures';
import { ListQuery, OrderPath, PlaceOrderBody } from '../../test/route-schemas';

const observability = createObservability('orders');
type PlaceOrderInput = HttpHandlerInput<typeof PlaceOrderBody, typeof ListQuery, undefined, 'cognito'>;

describe('httpHandler', () => {
  const seen: PlaceOrderInput[] = [];
  const placeOrder = httpHandler(
    { observability, bodySchema: PlaceOrderBody, querySchema: ListQuery, maxBodyBytes: 200 },
    async (input) => {
      seen.push(input);
      return {
        statusCode: 201,
        body: { lines: input.body.lines, limit: input.query.limit, customerId: input.caller.customerId },
        headers: { location: '/orders/1' },
      };
    },
  );
  beforeEach(() => (seen.length = 0));

  it('answers the route function result as JSON', async () => {
    const event = jsonRequest({ lines: [{ sku: 'SKU-1', quantity: 2 }] }, { query: { limit: '5' } });
    const result = await placeOrder(event, lambdaContext());
    expect(result.statusCode).toBe(201);
    expect(result.headers).toEqual({ 'content-type': 'application/json', location: '/orders/1' });
    expect(jsonBodyOf(result)).toEqual({ lines: [{ sku: 'SKU-1', quantity: 2 }], limit: 5, customerId: 'customer-1' });
  });

  it('hands the route validated values, the caller and the request id as correlation id', async () => {
    const event = jsonRequest(
      { lines: [{ sku: 'SKU-1', quantity: 1 }] },
      { claims: { sub: 'c-42', 'cognito:groups': '[admins customers]' } },
    );
    await placeOrder(event, lambdaContext());
    expect(seen).toHaveLength(1);
    expect(seen[0].query).toEqual({ limit: 20 });
    expect(seen[0].caller).toEqual({ customerId: 'c-42', groups: ['admins', 'customers'] });
    expect(seen[0].correlationId).toBe(event.requestContext.requestId);
    expect(seen[0].event).toBe(event);
  });

  it("takes the correlation id from the caller's header, whatever its case", async () => {
    const correlationId = randomUUID();
    const event = jsonRequest(
      { lines: [{ sku: 'SKU-1', quantity: 1 }] },
      { headers: { 'X-Correlation-Id': correlationId } },
    );
    let logged: unknown;
    const route = httpHandler({ observability }, async ({ logger }) => {
      logged = logger.getCorrelationId();
      return { statusCode: 200, body: {} };
    });
    await route(event, lambdaContext());
    await placeOrder(event, lambdaContext());
    expect(logged).toBe(correlationId);
    expect(seen[0].correlationId).toBe(correlationId);
  });

  it('answers an empty body without a content type', async () => {
    const route = httpHandler({ observability }, async () => ({ statusCode: 204 }));
    expect(await route(proxyEvent({ method: 'DELETE' }), lambdaContext())).toEqual({
      statusCode: 204,
      headers: {},
      body: '',
    });
  });

  it('accepts a base64-encoded JSON body', async () => {
    const body = Buffer.from(JSON.stringify({ lines: [{ sku: 'SKU-9', quantity: 3 }] })).toString('base64');
    const event = proxyEvent({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      isBase64Encoded: true,
    });
    const result = await placeOrder(event, lambdaContext());
    expect(result.statusCode).toBe(201);
    expect(seen[0].body).toEqual({ lines: [{ sku: 'SKU-9', quantity: 3 }] });
  });
});

describe('httpHandler rejections', () => {
  const route = jest.fn(async () => ({ statusCode: 201, body: {} }));
  const placeOrder = httpHandler({ observability, bodySchema: PlaceOrderBody, maxBodyBytes: 200 }, route);
  const getOrder = httpHandler({ observability, pathSchema: OrderPath, querySchema: ListQuery }, route);
  beforeEach(() => route.mockClear());

  async function rejection(result: Promise<{ statusCode: number; headers?: Record<string, unknown>; body: string }>) {
    const response = await result;
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(route).not.toHaveBeenCalled();
    return { statusCode: response.statusCode, problem: jsonBodyOf(response) };
  }

  it('answers malformed JSON with 400', async () => {
    const event = proxyEvent({ headers: { 'content-type': 'application/json' }, body: '{"lines": [' });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(400);
    expect(problem).toMatchObject({
      type: 'https://harbor.dev/problems/malformed-json',
      status: 400,
      code: 'REQUEST.MALFORMED_JSON',
      instance: event.requestContext.requestId,
    });
  });

  it('answers a body that is not JSON with 415', async () => {
    const event = proxyEvent({ headers: { 'content-type': 'text/plain' }, body: '{"lines":[]}' });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(415);
    expect(problem).toMatchObject({
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      detail: 'Expected content-type application/json, got "text/plain".',
    });
  });

  it('answers an unknown field with 400 naming it', async () => {
    const event = jsonRequest({ lines: [{ sku: 'SKU-1', quantity: 1 }], coupon: 'FREE' });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(400);
    expect(problem).toMatchObject({
      type: 'https://harbor.dev/problems/validation',
      code: 'REQUEST.VALIDATION_FAILED',
    });
    expect(problem.errors).toEqual([{ field: 'coupon', message: 'coupon is not an allowed field' }]);
  });

  it('answers a missing field with 400 naming it, one entry per field', async () => {
    const event = jsonRequest({ lines: [{ sku: 'SKU-1' }, { quantity: 0, sku: 'SKU-2' }] });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(400);
    expect((problem.errors as { field: string }[]).map((error) => error.field)).toEqual([
      'lines[0].quantity',
      'lines[1].quantity',
    ]);
  });

  it('answers a missing body with 400 naming the body', async () => {
    const { statusCode, problem } = await rejection(placeOrder(proxyEvent({ body: null }), lambdaContext()));
    expect(statusCode).toBe(400);
    expect(problem.errors).toEqual([{ field: 'body', message: expect.stringMatching(/^body /) }]);
  });

  it('reports path and query parameter errors together', async () => {
    const event = proxyEvent({ method: 'GET', pathParameters: { orderId: 'nope' }, query: { limit: 'ten' } });
    const { statusCode, problem } = await rejection(getOrder(event, lambdaContext()));
    expect(statusCode).toBe(400);
    expect(problem.errors).toEqual([
      { field: 'orderId', message: 'orderId must be a UUID' },
      { field: 'limit', message: 'limit must be an integer' },
    ]);
  });

  it('answers a body over the limit with 413', async () => {
    const event = jsonRequest({ lines: Array.from({ length: 20 }, () => ({ sku: 'SKU-1', quantity: 1 })) });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(413);
    expect(problem).toMatchObject({ code: 'REQUEST.TOO_LARGE', limitBytes: 200 });
  });

  it('limits bodies to 64 KiB by default', async () => {
    const route64 = httpHandler({ observability, bodySchema: PlaceOrderBody }, route);
    const event = jsonRequest({ lines: [{ sku: 'SKU-1', quantity: 1 }], pad: 'x'.repeat(64 * 1024) });
    expect((await rejection(route64(event, lambdaContext()))).statusCode).toBe(413);
  });

  it('answers 401 when a Cognito route gets no claims', async () => {
    const event = jsonRequest({ lines: [{ sku: 'SKU-1', quantity: 1 }] }, { claims: null });
    const { statusCode, problem } = await rejection(placeOrder(event, lambdaContext()));
    expect(statusCode).toBe(401);
    expect(problem).toMatchObject({ type: 'https://harbor.dev/problems/unauthorized', code: 'AUTH.UNAUTHENTICATED' });
  });

  it('lets a public route through without claims', async () => {
    let caller: unknown = 'unset';
    const publicRoute = httpHandler({ observability, auth: 'none' }, async (input) => {
      caller = input.caller;
      return { statusCode: 200, body: { ok: true } };
    });
    const result = await publicRoute(proxyEvent({ method: 'GET', claims: null }), lambdaContext());
    expect(result.statusCode).toBe(200);
    expect(caller).toBeUndefined();
  });
});

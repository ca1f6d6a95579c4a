import * as z from 'zod';
import { createObservability } from '../observability/observability';
import { httpApiEvent, jsonBodyOf, jsonHttpApiRequest, lambdaContext } from '../testing/lambda-fixtures';
import { httpApiHandler } from './http-api-handler';
import type { HttpApiHandlerInput } from './http-api-handler.types';

const observability = createObservability('inventory');
const SkuPath = z.strictObject({ sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: 'must be a SKU' }) });
const StockBody = z.strictObject({ available: z.int().min(0) });
const admin = { scopes: ['inventory/admin'], groups: ['admin'] };
type SetStockInput = HttpApiHandlerInput<typeof StockBody, undefined, typeof SkuPath, 'jwt'>;

describe('httpApiHandler (HTTP API, payload 2.0)', () => {
  const seen: SetStockInput[] = [];
  const setStock = httpApiHandler(
    { observability, access: admin, bodySchema: StockBody, pathSchema: SkuPath },
    async (input) => {
      seen.push(input);
      return { statusCode: 200, body: { sku: input.path.sku, available: input.body.available } };
    },
  );
  const put = (body: unknown, extra: Parameters<typeof jsonHttpApiRequest>[1] = {}) =>
    setStock(
      jsonHttpApiRequest(body, {
        routePath: '/items/{sku}',
        rawPath: '/items/SKU-1',
        pathParameters: { sku: 'SKU-1' },
        ...extra,
      }),
      lambdaContext(),
    );
  beforeEach(() => (seen.length = 0));
  afterEach(() => jest.restoreAllMocks());

  it('hands the route the validated body and path, the JWT caller and the request id', async () => {
    const response = await put({ available: 7 });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(jsonBodyOf(response)).toEqual({ sku: 'SKU-1', available: 7 });
    expect(seen[0]!.caller).toEqual({ customerId: 'admin-1', groups: ['admin'], scopes: ['inventory/admin'] });
    expect(seen[0]!.correlationId).toBe(seen[0]!.event.requestContext.requestId);
  });

  it('takes the correlation id from the x-correlation-id header', async () => {
    await put({ available: 1 }, { headers: { 'x-correlation-id': 'corr-9' } });
    expect(seen[0]!.correlationId).toBe('corr-9');
  });

  it('admits the admin group without the scope, and the scope without the group', async () => {
    expect(
      (
        await put(
          { available: 1 },
          { claims: { sub: 'u-1', 'cognito:groups': '[staff admin]', token_use: 'id' }, scopes: null },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await put({ available: 1 }, { claims: { sub: 'm-1', token_use: 'access', scope: 'inventory/admin' } }))
        .statusCode,
    ).toBe(200);
  });

  it('answers 403 problem+json to a caller with neither, running nothing', async () => {
    const response = await put(
      { available: 1 },
      { claims: { sub: 'c-1', 'cognito:groups': '[customers]', token_use: 'access', scope: 'orders/read' } },
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(jsonBodyOf(response)).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      detail: 'This route needs scope inventory/admin or group admin.',
    });
    expect(seen).toHaveLength(0);
  });

  it('answers 401 without JWT claims', async () => {
    const response = await put({ available: 1 }, { claims: null });
    expect(response.statusCode).toBe(401);
    expect(jsonBodyOf(response)).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('answers 400 naming every bad field of body and path at once', async () => {
    const response = await setStock(
      jsonHttpApiRequest({ available: -1, extra: true }, { pathParameters: { sku: 'bad sku' } }),
      lambdaContext(),
    );
    expect(response.statusCode).toBe(400);
    expect(jsonBodyOf(response)).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: expect.arrayContaining([
        { field: 'sku', message: 'sku must be a SKU' },
        expect.objectContaining({ field: 'available' }),
        { field: 'extra', message: 'extra is not an allowed field' },
      ]),
    });
    expect(seen).toHaveLength(0);
  });

  it('answers 415 to a body that is not JSON and 400 to malformed JSON', async () => {
    const base = { pathParameters: { sku: 'SKU-1' }, method: 'PUT', body: '{"available":1}' };
    expect(
      (await setStock(httpApiEvent({ ...base, headers: { 'content-type': 'text/plain' } }), lambdaContext()))
        .statusCode,
    ).toBe(415);
    const malformed = await setStock(
      httpApiEvent({ ...base, body: '{"available":', headers: { 'content-type': 'application/json' } }),
      lambdaContext(),
    );
    expect(jsonBodyOf(malformed)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
  });

  it('accepts a base64-encoded body, as HTTP APIs send some', async () => {
    const body = Buffer.from(JSON.stringify({ available: 3 })).toString('base64');
    const event = httpApiEvent({
      method: 'PUT',
      pathParameters: { sku: 'SKU-1' },
      body,
      isBase64Encoded: true,
      headers: { 'content-type': 'application/json' },
    });
    expect(jsonBodyOf(await setStock(event, lambdaContext()))).toEqual({ sku: 'SKU-1', available: 3 });
  });

  it('answers an unknown error with a generic 500, never leaking it', async () => {
    jest.spyOn(observability.logger, 'error').mockImplementation(() => undefined);
    const failing = httpApiHandler({ observability }, async () => {
      throw new Error('secret table name');
    });
    const response = await failing(httpApiEvent(), lambdaContext());
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
  });

  it('serves open routes (auth none) to anonymous callers', async () => {
    const open = httpApiHandler({ observability, auth: 'none' }, async ({ caller }) => ({
      statusCode: 200,
      body: { anonymous: caller === undefined },
    }));
    expect(jsonBodyOf(await open(httpApiEvent({ claims: null }), lambdaContext()))).toEqual({ anonymous: true });
  });

  it('refuses an access rule that would let nobody in', () => {
    expect(() => httpApiHandler({ observability, access: {} }, async () => ({ statusCode: 204 }))).toThrow(
      'at least one scope or group',
    );
  });
});

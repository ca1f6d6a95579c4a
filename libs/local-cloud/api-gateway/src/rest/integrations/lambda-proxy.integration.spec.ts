import { delay, FunctionError } from '@harbor/local-cloud-lambda/testing';
import { bodyJson, bodyText, httpRequest } from '../../../test/rest/support/requests';
import { createShopApi } from '../../../test/rest/support/shop-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('aws_proxy integration', () => {
  it('sends a faithful v1 proxy event', async () => {
    const { api, invoker } = createShopApi();
    const response = await api.handle(
      httpRequest('GET', '/v1/items/abc%20d?x=1&x=2&y=z+1&empty', {
        headers: { Host: 'localhost:3000', 'User-Agent': 'curl/8', 'X-Multi': ['a', 'b'], Accept: 'application/json' },
      }),
    );
    expect(response.status).toBe(200);
    const event = invoker.lastEvent('shop.getItem');
    expect(event).toMatchObject({
      resource: '/items/{itemId}',
      path: '/items/abc%20d',
      httpMethod: 'GET',
      queryStringParameters: { x: '2', y: 'z+1', empty: '' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: ['z+1'], empty: [''] },
      pathParameters: { itemId: 'abc d' },
      stageVariables: { flavour: 'vanilla' },
      body: null,
      isBase64Encoded: false,
    });
    expect(event['headers']).toMatchObject({
      Host: 'localhost:3000',
      'User-Agent': 'curl/8',
      'X-Multi': 'b',
      'X-Forwarded-For': '203.0.113.9',
      'X-Forwarded-Port': '3000',
    });
    expect(event['multiValueHeaders']).toMatchObject({ 'X-Multi': ['a', 'b'], Accept: ['application/json'] });
    const context = event['requestContext'] as Record<string, unknown>;
    expect(context).toMatchObject({
      resourcePath: '/items/{itemId}',
      httpMethod: 'GET',
      path: '/v1/items/abc%20d',
      stage: 'v1',
      accountId: '123456789012',
      apiId: api.apiId,
      protocol: 'HTTP/1.1',
      domainName: 'localhost:3000',
      identity: expect.objectContaining({
        sourceIp: '203.0.113.9',
        userAgent: 'curl/8',
        cognitoIdentityId: null,
        accessKey: null,
      }),
    });
    expect(context['requestId']).toMatch(UUID);
    expect(response.headers['x-amzn-RequestId']).toBe(context['requestId']);
    expect(context['requestTime']).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof context['requestTimeEpoch']).toBe('number');
    expect(context['resourceId']).toMatch(/^[a-z0-9]{6}$/);
    expect(context['extendedRequestId']).toMatch(/=$/);
    expect(context).not.toHaveProperty('authorizer');
  });

  it('serves the default stage at / and another stage with its own variables', async () => {
    const { api, invoker } = createShopApi();
    await api.handle(httpRequest('GET', '/items/1'));
    expect(invoker.lastEvent('shop.getItem')).toMatchObject({
      path: '/items/1',
      requestContext: { stage: 'v1', path: '/items/1' },
    });
    await api.handle(httpRequest('GET', '/v2/items/2'));
    expect(invoker.lastEvent('shop.getItem')).toMatchObject({
      path: '/items/2',
      stageVariables: { flavour: 'chocolate' },
      requestContext: { stage: 'v2' },
    });
  });

  it('passes binary media types base64-encoded and text as text', async () => {
    const { api, invoker } = createShopApi();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    await api.handle(httpRequest('PUT', '/v1/files/a/b.png', { headers: { 'Content-Type': 'image/png' }, body: png }));
    expect(invoker.lastEvent('shop.files')).toMatchObject({
      pathParameters: { proxy: 'a/b.png' },
      body: png.toString('base64'),
      isBase64Encoded: true,
      httpMethod: 'PUT',
    });
    await api.handle(
      httpRequest('POST', '/v1/files/notes', { headers: { 'Content-Type': 'application/json' }, body: '{"ü":"$#"}' }),
    );
    expect(invoker.lastEvent('shop.files')).toMatchObject({ body: '{"ü":"$#"}', isBase64Encoded: false });
  });

  it('maps status, merged headers and base64 bodies of the result', async () => {
    const { api, invoker } = createShopApi();
    const image = Buffer.from([1, 2, 3, 250]);
    invoker.on('shop.files', () => ({
      statusCode: 201,
      headers: { 'Set-Cookie': 'a=1', 'X-One': 'single' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: image.toString('base64'),
      isBase64Encoded: true,
    }));
    const binary = await api.handle(httpRequest('GET', '/v1/files/x.png', { headers: { Accept: 'image/png' } }));
    expect(binary.status).toBe(201);
    expect(binary.body).toEqual(image);
    expect(binary.multiValueHeaders).toEqual({ 'Set-Cookie': ['a=1', 'b=2'] });
    expect(binary.headers).toMatchObject({ 'X-One': 'single', 'Content-Type': 'application/json' });
    const text = await api.handle(httpRequest('GET', '/v1/files/x.png', { headers: { Accept: 'text/html' } }));
    expect(bodyText(text)).toBe(image.toString('base64'));
  });

  it.each([
    ['an unknown key', { statusCode: 200, body: 'x', extra: true }],
    ['a body that is not a string', { statusCode: 200, body: { a: 1 } }],
    ['no status code', { body: 'x' }],
    ['not an object', 'hello'],
    ['a header that is an object', { statusCode: 200, headers: { a: { b: 1 } } }],
  ])('answers 502 for a result with %s', async (_case, result) => {
    const { api, invoker } = createShopApi();
    invoker.on('shop.getItem', () => result);
    const response = await api.handle(httpRequest('GET', '/v1/items/1'));
    expect(response.status).toBe(502);
    expect(bodyText(response)).toBe('{"message": "Internal server error"}');
  });

  it('answers 502 when the function fails', async () => {
    const { api, invoker } = createShopApi();
    invoker.on('shop.getItem', () => {
      throw new FunctionError('Error', 'boom');
    });
    const response = await api.handle(httpRequest('GET', '/v1/items/1'));
    expect(response.status).toBe(502);
    expect(bodyJson(response)).toEqual({ message: 'Internal server error' });
  });

  it('answers 500 when Lambda throttles the invocation (TooManyRequestsException), not the 502 of a function error', async () => {
    const { api, invoker } = createShopApi();
    invoker.on('shop.getItem', () => {
      throw new FunctionError('TooManyRequestsException', 'Rate Exceeded.');
    });
    const response = await api.handle(httpRequest('GET', '/v1/items/1'));
    expect(response.status).toBe(500);
    expect(bodyJson(response)).toEqual({ message: 'Internal server error' });
  });

  it('answers 504 Endpoint request timed out after the integration timeout', async () => {
    const { api, invoker } = createShopApi();
    invoker.on('shop.getItem', async () => {
      await delay(600);
      return { statusCode: 200, body: 'late' };
    });
    const started = Date.now();
    const response = await api.handle(httpRequest('GET', '/v1/items/1'));
    expect(response.status).toBe(504);
    expect(bodyText(response)).toBe('{"message": "Endpoint request timed out"}');
    expect(Date.now() - started).toBeLessThan(550);
  });

  it('records the request as an http hop under its correlation id', async () => {
    const { api, trace } = createShopApi();
    const response = await api.handle(httpRequest('GET', '/v1/items/7'));
    const hops = trace.byCorrelationId(response.headers['x-amzn-RequestId']);
    expect(hops).toEqual([
      expect.objectContaining({
        kind: 'http',
        name: 'GET /items/{itemId}',
        status: 'ok',
        detail: expect.objectContaining({ status: 200, stage: 'v1' }),
      }),
    ]);
  });
});

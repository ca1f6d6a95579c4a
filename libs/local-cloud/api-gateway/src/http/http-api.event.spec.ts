import { httpApiListener } from './http-api-listener';
import { getWithRepeatedHeaders, listen, type RunningServer } from '../../test/http/support/http-server';
import { createPetsApi, type PetsApi } from '../../test/http/support/pets-api';

describe('HTTP API over node:http: the payload 2.0 event', () => {
  let pets: PetsApi;
  let server: RunningServer;

  beforeAll(async () => {
    pets = await createPetsApi({ stageVariables: { table: 'pets' } });
    server = await listen(httpApiListener(pets.api));
  });
  afterAll(() => server.close());

  it('sends a faithful 2.0 event', async () => {
    const response = await getWithRepeatedHeaders(`${server.base}/pets/cat/7?a=1&a=2&q=x%20y`, {
      'X-Tag': ['one', 'two'],
      Cookie: 'session=abc; theme=dark',
      'User-Agent': 'pets-test',
      'X-Correlation-Id': 'corr-1',
    });
    expect(response.status).toBe(200);
    const event = pets.invoker.lastEvent('pets.petsProxy');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /pets/{proxy+}',
      rawPath: '/pets/cat/7',
      rawQueryString: 'a=1&a=2&q=x%20y',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { a: '1,2', q: 'x y' },
      pathParameters: { proxy: 'cat/7' },
      stageVariables: { table: 'pets' },
      isBase64Encoded: false,
    });
    const headers = event['headers'] as Record<string, string>;
    expect(headers).toMatchObject({
      'x-tag': 'one,two',
      'user-agent': 'pets-test',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(headers['cookie']).toBeUndefined();
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event['body']).toBeUndefined();
    expect(event['requestContext']).toEqual({
      accountId: '123456789012',
      apiId: pets.api.apiId,
      domainName: headers['host'],
      domainPrefix: headers['host'].split('.')[0],
      http: { method: 'GET', path: '/pets/cat/7', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'pets-test' },
      requestId: response.requestId,
      routeKey: 'GET /pets/{proxy+}',
      stage: '$default',
      time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
      timeEpoch: expect.any(Number),
    });
    expect(pets.invoker.callsTo('pets.petsProxy').at(-1)?.correlationId).toBe('corr-1');
  });

  it('passes JSON bodies as text and other bodies base64-encoded', async () => {
    await fetch(`${server.base}/pets/dog`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    expect(pets.invoker.lastEvent('pets.dogs')).toMatchObject({
      body: '{"name":"Rex"}',
      isBase64Encoded: false,
      routeKey: 'ANY /pets/dog',
    });
    await fetch(`${server.base}/pets/dog`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([0xff, 0x00]),
    });
    expect(pets.invoker.lastEvent('pets.dogs')).toMatchObject({ body: '/wA=', isBase64Encoded: true });
  });

  it.each([
    ['GET', '/pets', 'GET /pets'],
    ['GET', '/pets/42', 'GET /pets/{petId}'],
    ['DELETE', '/pets/dog', 'ANY /pets/dog'],
    ['GET', '/pets/42/toys', 'GET /pets/{proxy+}'],
    ['DELETE', '/pets/42', 'ANY /{proxy+}'],
    ['GET', '/', '$default'],
  ])('routes %s %s to %s', async (method, path, routeKey) => {
    const response = await fetch(`${server.base}${path}`, { method });
    expect(response.status).toBe(200);
    const served = pets.invoker.calls.at(-1)?.event as Record<string, unknown>;
    expect(served['routeKey']).toBe(routeKey);
  });

  it('answers a plain returned value as 200 application/json', async () => {
    const response = await fetch(`${server.base}/pets`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual([{ id: 1, name: 'Rex' }]);
  });

  it('writes status, headers, one set-cookie per cookie and decodes base64 bodies', async () => {
    pets.invoker.on('pets.getPet', () => ({
      statusCode: 201,
      headers: { 'content-type': 'image/png', 'x-pet': 'yes' },
      cookies: ['a=1; Path=/', 'b=2'],
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    }));
    const response = await fetch(`${server.base}/pets/9`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-pet')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });
});

import { httpApiListener } from './http-api-listener';
import { getWithRepeatedHeaders, listen, type RunningServer } from '../../test/http/support/http-server';
import { createAuthorizedApi, type AuthorizedApi } from '../../test/http/support/authorized-api';

// Shapes from https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html.
describe('HTTP API Lambda integrations with payload format 1.0, through real HTTP', () => {
  let authorized: AuthorizedApi;
  let server: RunningServer;

  beforeAll(async () => {
    authorized = createAuthorizedApi();
    server = await listen(httpApiListener(authorized.api));
  });
  afterAll(() => server.close());

  it('sends the 1.0 event: multi-value headers and query, last value wins in the single maps, nulls when empty', async () => {
    await getWithRepeatedHeaders(`${server.base}/v1/pets/7?kind=dog&kind=cat&q=a%20b`, {
      'X-Tag': ['one', 'two'],
      cookie: 'a=1; b=2',
    });
    const event = authorized.invoker.lastEvent('pets.v1');
    expect(event).toMatchObject({
      version: '1.0',
      resource: '/v1/{proxy+}',
      path: '/v1/pets/7',
      httpMethod: 'GET',
      headers: expect.objectContaining({ 'x-tag': 'one,two', cookie: 'a=1; b=2' }),
      multiValueHeaders: expect.objectContaining({ 'x-tag': ['one', 'two'], cookie: ['a=1; b=2'] }),
      queryStringParameters: { kind: 'cat', q: 'a b' },
      multiValueQueryStringParameters: { kind: ['dog', 'cat'], q: ['a b'] },
      pathParameters: { proxy: 'pets/7' },
      stageVariables: { realm: 'pets' },
      body: null,
      isBase64Encoded: false,
      requestContext: expect.objectContaining({
        accountId: '111122223333',
        apiId: 'authz12345',
        authorizer: { claims: null, scopes: null },
        httpMethod: 'GET',
        identity: expect.objectContaining({ sourceIp: '127.0.0.1', user: null }),
        path: '/v1/pets/7',
        resourceId: 'ANY /v1/{proxy+}',
        resourcePath: '/v1/{proxy+}',
        stage: '$default',
        requestTimeEpoch: expect.any(Number),
      }),
    });
    expect(event).not.toHaveProperty('rawPath');
    expect(event).not.toHaveProperty('cookies');
  });

  it('passes a JSON body as text and a binary one base64-encoded', async () => {
    await fetch(`${server.base}/v1/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(authorized.invoker.lastEvent('pets.v1')).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    await fetch(`${server.base}/v1/bin`, { method: 'POST', body: Buffer.from([0, 255]) });
    expect(authorized.invoker.lastEvent('pets.v1')).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
  });

  it('answers 500 for a response without statusCode, which 2.0 would have taken as a 200 body', async () => {
    const response = await fetch(`${server.base}/v1/no-status`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('writes headers and multiValueHeaders merged, one set-cookie per value', async () => {
    const response = await fetch(`${server.base}/v1/cookies`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-single')).toBe('one');
    expect(response.headers.get('x-multi')).toBe('a,b');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('cookies');
  });
});

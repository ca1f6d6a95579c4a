import { httpApiListener } from './http-api-listener';
import { listen, type RunningServer } from '../../test/http/support/http-server';
import { ALLOW_CONTEXT, createAuthorizedApi, type AuthorizedApi } from '../../test/http/support/authorized-api';

// Behaviour as https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html documents.
describe('HTTP API Lambda (REQUEST) authorizers, through real HTTP', () => {
  let authorized: AuthorizedApi;
  let server: RunningServer;

  beforeEach(async () => {
    authorized = createAuthorizedApi();
    server = await listen(httpApiListener(authorized.api));
  });
  afterEach(() => server.close());

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${path}`, {
      headers: { ...(token === undefined ? {} : { authorization: token }), ...headers },
    });
  const calls = (name: string) => authorized.invoker.callsTo(`pets.${name}`).length;

  describe('payload 2.0 with simple responses', () => {
    it('sends the 2.0 authorizer event: type, routeArn, identitySource values, the request without its body', async () => {
      expect((await get('/simple/7?tenant=acme&x=1', 'allow', { cookie: 'a=1' })).status).toBe(200);
      const event = authorized.invoker.lastEvent('pets.authorize');
      expect(event).toMatchObject({
        version: '2.0',
        type: 'REQUEST',
        routeArn: 'arn:aws:execute-api:eu-west-1:111122223333:authz12345/$default/GET/simple/7',
        identitySource: ['allow', 'acme'],
        routeKey: 'GET /simple/{id}',
        rawPath: '/simple/7',
        rawQueryString: 'tenant=acme&x=1',
        cookies: ['a=1'],
        headers: expect.objectContaining({ authorization: 'allow' }),
        queryStringParameters: { tenant: 'acme', x: '1' },
        pathParameters: { id: '7' },
        stageVariables: { realm: 'pets' },
        requestContext: expect.objectContaining({
          apiId: 'authz12345',
          routeKey: 'GET /simple/{id}',
          stage: '$default',
        }),
      });
      expect(event).not.toHaveProperty('body');
      expect(event).not.toHaveProperty('isBase64Encoded');
    });

    it('hands the context, lists and maps included, to the integration as requestContext.authorizer.lambda', async () => {
      expect((await get('/simple/7?tenant=acme', 'allow')).status).toBe(200);
      const context = authorized.invoker.lastEvent('pets.echo')['requestContext'] as Record<string, unknown>;
      expect(context['authorizer']).toEqual({ lambda: ALLOW_CONTEXT });
    });

    it('answers 403 {"message":"Forbidden"} for isAuthorized false, never calling the integration', async () => {
      const response = await get('/simple/7?tenant=acme', 'deny');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
      expect(calls('echo')).toBe(0);
    });

    it.each([
      ['a function error', 'boom'],
      ['an answer that is not a simple response', 'garbage'],
    ])('answers 500 {"message":"Internal Server Error"} for %s', async (_case, token) => {
      const response = await get('/simple/7?tenant=acme', token);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
      expect(calls('echo')).toBe(0);
    });

    it.each([
      ['no Authorization header', undefined, '?tenant=acme'],
      ['a blank Authorization header', '  ', '?tenant=acme'],
      ['no tenant query parameter', 'allow', ''],
      ['an empty tenant query parameter', 'allow', '?tenant='],
    ])('answers 401 {"message":"Unauthorized"} with %s, never calling the authorizer', async (_case, token, query) => {
      const response = await get(`/simple/7${query}`, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(calls('authorize')).toBe(0);
    });
  });

  describe('caching by identity sources', () => {
    it('reuses an answer for the same identity sources within the TTL, on any route of the authorizer', async () => {
      for (const path of ['/simple/1?tenant=acme', '/simple/2?tenant=acme'])
        expect((await get(path, 'allow')).status).toBe(200);
      expect(calls('authorize')).toBe(1);
      expect((await get('/simple/1?tenant=other', 'allow')).status).toBe(200);
      expect(calls('authorize')).toBe(2);
      const hops = authorized.trace.latest(50).filter((hop) => hop.kind === 'authorizer');
      expect(hops.map((hop) => hop.detail?.['cached'])).toEqual([false, true, false]);
      // A cached answer still reaches the integration.
      const context = authorized.invoker.lastEvent('pets.echo')['requestContext'] as Record<string, unknown>;
      expect(context['authorizer']).toEqual({ lambda: ALLOW_CONTEXT });
    });

    it('caches a refusal too, and asks again once the TTL (300 s) has passed', async () => {
      expect((await get('/simple/1?tenant=acme', 'deny')).status).toBe(403);
      authorized.advance(299_000);
      expect((await get('/simple/1?tenant=acme', 'deny')).status).toBe(403);
      expect(calls('authorize')).toBe(1);
      authorized.advance(1_000);
      expect((await get('/simple/1?tenant=acme', 'deny')).status).toBe(403);
      expect(calls('authorize')).toBe(2);
    });

    it('never caches an error: the next request calls the authorizer again', async () => {
      for (let index = 0; index < 2; index += 1) expect((await get('/simple/1?tenant=acme', 'boom')).status).toBe(500);
      expect(calls('authorize')).toBe(2);
    });

    it('calls the authorizer on every request with a TTL of 0', async () => {
      for (let index = 0; index < 3; index += 1) expect((await get('/uncached', 'allow')).status).toBe(200);
      expect(calls('authorize')).toBe(3);
    });

    it('calls the authorizer on every request without identity sources, and never answers 401 itself', async () => {
      for (let index = 0; index < 2; index += 1) expect((await get('/anyone')).status).toBe(200);
      expect(calls('authorize')).toBe(2);
      expect(authorized.invoker.lastEvent('pets.authorize')['identitySource']).toEqual([]);
    });

    it('reads $stageVariables and $context identity sources, and caches by them', async () => {
      for (let index = 0; index < 2; index += 1) expect((await get('/staged')).status).toBe(200);
      expect(authorized.invoker.lastEvent('pets.authorize')['identitySource']).toEqual(['pets', 'GET']);
      expect(calls('authorize')).toBe(1);
    });
  });

  describe('payload 1.0 with IAM policy responses', () => {
    it("sends REST's REQUEST event: methodArn, identitySource and authorizationToken as one string", async () => {
      expect((await get('/policy/1?a=1&a=2', 'all')).status).toBe(200);
      const event = authorized.invoker.lastEvent('pets.policy');
      expect(event).toMatchObject({
        version: '1.0',
        type: 'REQUEST',
        methodArn: 'arn:aws:execute-api:eu-west-1:111122223333:authz12345/$default/GET/policy/1',
        identitySource: 'all',
        authorizationToken: 'all',
        resource: '/policy/{id}',
        path: '/policy/1',
        httpMethod: 'GET',
        headers: expect.objectContaining({ authorization: 'all' }),
        queryStringParameters: { a: '2' },
        pathParameters: { id: '1' },
        stageVariables: { realm: 'pets' },
        requestContext: expect.objectContaining({ httpMethod: 'GET', resourcePath: '/policy/{id}' }),
      });
      expect(event['requestContext']).not.toHaveProperty('authorizer');
    });

    it('allows what the policy allows and hands the principal and context to a 1.0 integration', async () => {
      expect((await get('/policy/1', 'all')).status).toBe(200);
      const context = authorized.invoker.lastEvent('pets.echoV1')['requestContext'] as Record<string, unknown>;
      expect(context['authorizer']).toEqual({
        tenant: 'acme',
        seats: 7,
        principalId: 'user-42',
        integrationLatency: expect.any(Number),
      });
    });

    it('evaluates a cached policy against each route ARN: allowed for /policy/1, 403 for /policy/2', async () => {
      expect((await get('/policy/1', 'only-1')).status).toBe(200);
      const refused = await get('/policy/2', 'only-1');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ message: 'Forbidden' });
      expect(calls('policy')).toBe(1);
    });

    it('answers 403 for an explicit Deny and 500 for a policy it cannot evaluate', async () => {
      expect((await get('/policy/1', 'deny')).status).toBe(403);
      const broken = await get('/policy/1', 'condition');
      expect(broken.status).toBe(500);
      expect(await broken.json()).toEqual({ message: 'Internal Server Error' });
      expect(calls('echoV1')).toBe(0);
    });
  });
});

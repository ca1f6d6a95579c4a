import { FakeAuthenticator } from '../../../test/rest/support/fake-authenticator';
import { FunctionError } from '@harbor/local-cloud-lambda/testing';
import { fixtureWith } from '../../../test/rest/support/fixtures';
import { bodyJson, httpRequest } from '../../../test/rest/support/requests';
import { allowPolicy, createSecuredApi, GOLD_KEY, ISSUER } from '../../../test/rest/support/secured-api';

const token = (sub: string, scopes = '') => `valid|${ISSUER}|${sub}${scopes ? `|${scopes}` : ''}`;

describe('Cognito user pool authorizer', () => {
  it('refuses a missing or invalid token with the customised 401 and never invokes the function', async () => {
    const { api, invoker } = createSecuredApi();
    const missing = await api.handle(httpRequest('GET', '/prod/me', { headers: { 'X-Tenant': 'acme' } }));
    expect(missing.status).toBe(401);
    expect(missing.headers).toMatchObject({
      'WWW-Authenticate': 'Bearer realm="shop"',
      'X-Request-Tenant': 'acme',
      'x-amzn-ErrorType': 'UnauthorizedException',
    });
    expect(bodyJson(missing)).toEqual({
      error: 'Unauthorized',
      type: 'UNAUTHORIZED',
      requestId: missing.headers['x-amzn-RequestId'],
      stage: 'production',
    });
    const forged = await api.handle(
      httpRequest('GET', '/prod/me', { headers: { Authorization: `valid|http://elsewhere|u1` } }),
    );
    expect(forged.status).toBe(401);
    expect(invoker.callsTo('shop.me')).toHaveLength(0);
  });

  it("answers an expired token's 401 with AWS's own message, which clients' refresh logic keys on", async () => {
    const { api, invoker } = createSecuredApi();
    const expired = await api.handle(
      httpRequest('GET', '/prod/me', { headers: { Authorization: `expired|${ISSUER}|u1` } }),
    );
    expect(expired.status).toBe(401);
    expect(bodyJson(expired)).toMatchObject({ error: 'The incoming token has expired', type: 'UNAUTHORIZED' });
    expect(invoker.callsTo('shop.me')).toHaveLength(0);
  });

  it('passes the claims, all as strings, to the integration', async () => {
    const authenticator = new FakeAuthenticator({
      exp: 1469814773,
      iat: 1469811173,
      auth_time: 1469811173,
      email_verified: true,
      'cognito:groups': ['admins', 'users'],
    });
    const { api } = createSecuredApi({}, authenticator);
    const response = await api.handle(
      httpRequest('GET', '/me', { headers: { Authorization: `Bearer ${token('user-1')}` } }),
    );
    expect(response.status).toBe(200);
    expect(bodyJson(response)).toEqual({
      claims: {
        sub: 'user-1',
        iss: ISSUER,
        token_use: 'id',
        exp: 'Fri Jul 29 17:52:53 UTC 2016',
        iat: 'Fri Jul 29 16:52:53 UTC 2016',
        auth_time: '1469811173',
        email_verified: 'true',
        'cognito:groups': 'admins,users',
      },
    });
    expect(authenticator.cognitoChecks[0].check).toEqual({ issuer: ISSUER, providerArn: ISSUER, requiredScopes: [] });
  });

  it('requires the scopes the method lists, answering 403 when the verifier says the scope is missing', async () => {
    const { api, authenticator } = createSecuredApi();
    const unscoped = await api.handle(httpRequest('GET', '/admin', { headers: { Authorization: token('u1') } }));
    expect(unscoped.status).toBe(403);
    expect(unscoped.headers['x-amzn-ErrorType']).toBe('AccessDeniedException');
    expect(authenticator.cognitoChecks[0].check.requiredScopes).toEqual(['shop/admin']);
    expect(
      (await api.handle(httpRequest('GET', '/admin', { headers: { Authorization: token('u1', 'shop/admin') } })))
        .status,
    ).toBe(200);
  });
});

describe('Lambda TOKEN authorizer', () => {
  it('answers 401 without invoking when the token is missing or fails identityValidationExpression', async () => {
    const { api, invoker } = createSecuredApi();
    expect((await api.handle(httpRequest('GET', '/token'))).status).toBe(401);
    expect((await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Basic abc' } }))).status).toBe(
      401,
    );
    expect(invoker.callsTo('shop.tokenAuthorizer')).toHaveLength(0);
  });

  it('invokes with the token and method ARN, passes the context on, and caches by token for the TTL', async () => {
    const { api, invoker, trace, clock } = createSecuredApi();
    const first = await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer abc.def' } }));
    expect(first.status).toBe(200);
    expect(bodyJson(first)).toEqual({ principal: 'user-1', tier: 'gold' });
    expect(invoker.lastEvent('shop.tokenAuthorizer')).toEqual({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc.def',
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${api.apiId}/prod/GET/token`,
    });
    const second = await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer abc.def' } }));
    expect(second.status).toBe(200);
    expect(invoker.callsTo('shop.tokenAuthorizer')).toHaveLength(1);
    expect(trace.byCorrelationId(second.headers['x-amzn-RequestId'])[0]).toMatchObject({
      kind: 'authorizer',
      name: 'tokenAuth',
      detail: { cached: true },
    });
    await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer other' } }));
    expect(invoker.callsTo('shop.tokenAuthorizer')).toHaveLength(2);
    clock.now += 301_000;
    await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer abc.def' } }));
    expect(invoker.callsTo('shop.tokenAuthorizer')).toHaveLength(3);
  });

  it('stringifies context values in the proxy event', async () => {
    const { api } = createSecuredApi();
    const response = await api.handle(httpRequest('GET', '/accounts/a1', { headers: { Authorization: 'Bearer t' } }));
    expect(bodyJson(response)).toEqual({
      tier: 'gold',
      score: '7',
      admin: 'false',
      principalId: 'user-1',
      integrationLatency: expect.any(Number),
    });
  });

  it('answers 403 with an explicit deny, and evaluates a cached policy against each method ARN', async () => {
    const { api, invoker } = createSecuredApi();
    invoker.on('shop.tokenAuthorizer', () => ({ principalId: 'u', policyDocument: allowPolicy('*', 'Deny') }));
    const denied = await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer deny' } }));
    expect(denied.status).toBe(403);
    expect(bodyJson(denied)).toEqual({
      message: 'User is not authorized to access this resource with an explicit deny',
    });

    invoker.on('shop.tokenAuthorizer', () => ({
      principalId: 'u',
      policyDocument: allowPolicy(`arn:aws:execute-api:*:*:${api.apiId}/prod/GET/accounts/a?`),
    }));
    expect(
      (await api.handle(httpRequest('GET', '/accounts/a1', { headers: { Authorization: 'Bearer scoped' } }))).status,
    ).toBe(200);
    const other = await api.handle(httpRequest('GET', '/accounts/b1', { headers: { Authorization: 'Bearer scoped' } }));
    expect(other.status).toBe(403);
    expect(bodyJson(other)).toEqual({ message: 'User is not authorized to access this resource' });
    expect(invoker.callsTo('shop.tokenAuthorizer')).toHaveLength(2);
  });

  it.each([
    [
      'throws Unauthorized',
      () => {
        throw new FunctionError('Error', 'Unauthorized');
      },
      401,
      { error: 'Unauthorized', type: 'UNAUTHORIZED' },
    ],
    [
      'fails otherwise',
      () => {
        throw new FunctionError('TypeError', 'x is undefined');
      },
      500,
      { message: null },
    ],
    ['returns no policy', () => ({ principalId: 'u' }), 500, { message: null }],
    [
      'returns an object in its context',
      () => ({ principalId: 'u', policyDocument: allowPolicy('*'), context: { nested: { a: 1 } } }),
      500,
      { message: null },
    ],
  ])('answers as API Gateway when the authorizer %s', async (_case, handler, status, body) => {
    const { api, invoker } = createSecuredApi();
    invoker.on('shop.tokenAuthorizer', handler);
    const response = await api.handle(httpRequest('GET', '/token', { headers: { Authorization: 'Bearer t' } }));
    expect(response.status).toBe(status);
    expect(bodyJson(response)).toMatchObject(body);
  });
});

describe('Lambda REQUEST authorizer', () => {
  it('needs every identity source, then passes the request and the context on (no cache with TTL 0)', async () => {
    const { api, invoker } = createSecuredApi();
    expect((await api.handle(httpRequest('GET', '/request', { headers: { 'X-Tenant': 't1' } }))).status).toBe(401);
    expect(invoker.callsTo('shop.requestAuthorizer')).toHaveLength(0);
    const request = httpRequest('GET', '/request?key=k1', { headers: { 'X-Tenant': 't1' } });
    const response = await api.handle(request);
    await api.handle(request);
    expect(response.status).toBe(200);
    expect(bodyJson(response)).toMatchObject({ tenant: 't1', principalId: 'tenant-user' });
    expect(invoker.callsTo('shop.requestAuthorizer')).toHaveLength(2);
    expect(invoker.lastEvent('shop.requestAuthorizer')).toMatchObject({
      type: 'REQUEST',
      resource: '/request',
      httpMethod: 'GET',
      headers: expect.objectContaining({ 'X-Tenant': 't1' }),
      queryStringParameters: { key: 'k1' },
      stageVariables: { name: 'production' },
      requestContext: expect.objectContaining({ stage: 'prod' }),
    });
  });
});

describe('AWS_IAM authorization', () => {
  it.each([
    [{}, 'Missing Authentication Token', 'MissingAuthenticationTokenException'],
    [
      { Authorization: 'AWS4-HMAC-SHA256 Credential=LOCALKEY/x, Signature=bad' },
      'The request signature we calculated does not match',
      'InvalidSignatureException',
    ],
    [
      { Authorization: 'AWS4-HMAC-SHA256 Credential=EXPIRED/x, Signature=good' },
      'The security token included in the request is expired',
      'ExpiredTokenException',
    ],
    [
      { Authorization: 'AWS4-HMAC-SHA256 Credential=OTHER/x, Signature=good' },
      'The security token included in the request is invalid.',
      'UnrecognizedClientException',
    ],
  ])('refuses %j with 403', async (headers, message, errorType) => {
    const { api } = createSecuredApi();
    const response = await api.handle(httpRequest('GET', '/signed', { headers }));
    expect(response.status).toBe(403);
    expect((bodyJson(response) as { message: string }).message).toContain(message);
    expect(response.headers['x-amzn-ErrorType']).toBe(errorType);
  });

  it('serves a correctly signed request with the caller identity', async () => {
    const { api, authenticator } = createSecuredApi();
    const response = await api.handle(
      httpRequest('GET', '/prod/signed?a=1', {
        headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=LOCALKEY/x, Signature=good' },
      }),
    );
    expect(bodyJson(response)).toEqual({ accessKey: 'LOCALKEY', userArn: 'arn:aws:iam::123456789012:user/local' });
    expect(authenticator.sigV4Requests[0]).toMatchObject({
      method: 'GET',
      url: '/prod/signed?a=1',
      path: '/prod/signed',
      query: 'a=1',
      region: 'us-east-1',
      service: 'execute-api',
    });
  });
});

describe('cached REQUEST authorizer and API keys from the authorizer', () => {
  const securedWith = (changes: readonly (readonly [readonly string[], unknown])[]) =>
    createSecuredApi({ openapi: fixtureWith('secured-api.yaml', changes) });

  it('caches by the identity source values for the TTL', async () => {
    const { api, invoker } = securedWith([
      [
        [
          'components',
          'securitySchemes',
          'requestAuth',
          'x-amazon-apigateway-authorizer',
          'authorizerResultTtlInSeconds',
        ],
        60,
      ],
    ]);
    const call = (tenant: string, key: string) =>
      api.handle(httpRequest('GET', `/request?key=${key}`, { headers: { 'X-Tenant': tenant } }));
    expect((await call('t1', 'k1')).status).toBe(200);
    expect((await call('t1', 'k1')).status).toBe(200);
    expect(invoker.callsTo('shop.requestAuthorizer')).toHaveLength(1);
    await call('t1', 'k2');
    await call('t2', 'k1');
    expect(invoker.callsTo('shop.requestAuthorizer')).toHaveLength(3);
  });

  it('takes the API key from usageIdentifierKey when the key source is AUTHORIZER', async () => {
    const { api, invoker } = securedWith([
      [['x-amazon-apigateway-api-key-source'], 'AUTHORIZER'],
      [['paths', '/keyed', 'get', 'security'], [{ tokenAuth: [], api_key: [] }]],
    ]);
    invoker.on('shop.tokenAuthorizer', (event) => ({
      principalId: 'u',
      policyDocument: allowPolicy('*'),
      ...(event['authorizationToken'] === 'Bearer gold' ? { usageIdentifierKey: GOLD_KEY } : {}),
    }));
    const keyed = await api.handle(httpRequest('GET', '/keyed', { headers: { Authorization: 'Bearer gold' } }));
    expect(bodyJson(keyed)).toEqual({ apiKeyId: 'gold-id' });
    const unkeyed = await api.handle(
      httpRequest('GET', '/keyed', { headers: { Authorization: 'Bearer none', 'x-api-key': GOLD_KEY } }),
    );
    expect(unkeyed.status).toBe(403);
  });
});

import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { join } from 'node:path';
import { eventually, localToken, startLocalCloudForTests } from '../test/support/local-cloud-under-test';
import { connectWs } from '../test/support/ws-client';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * The HTTP and WebSocket APIs over real HTTP and a real `ws` client, on a fixture workspace whose one service
 * (chat) declares an http-api.yaml and a websocket.yaml; its functions answer through the real SDK.
 */
const fixtureRoot = join(__dirname, '..', 'test', 'fixtures', 'workspace');
let cloud: RunningLocalCloud;
const functionLogs: string[] = [];

beforeAll(async () => {
  cloud = await startLocalCloudForTests(fixtureRoot, (functionId, line) => functionLogs.push(`${functionId} ${line}`));
}, 60_000);

afterAll(() => cloud?.close());

const getJson = async (path: string, token?: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${cloud.endpoints.httpApi}${path}`, {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
};

describe('HTTP API (v2) with a JWT authorizer trusting the local issuer', () => {
  it('serves a route to a token from the local issuer, with its claims in the v2 event', async () => {
    const token = await localToken(cloud, { sub: 'alice', groups: ['admins'] });
    const { status, headers, body } = await getJson('/me', token);
    expect(status).toBe(200);
    expect(headers.get('apigw-requestid')).toMatch(/=$/);
    expect(body).toMatchObject({
      version: '2.0',
      routeKey: 'GET /me',
      jwt: {
        claims: { sub: 'alice', iss: `${cloud.endpoints.aws}/_local`, token_use: 'id', 'cognito:groups': '[admins]' },
        scopes: null,
      },
    });
  });

  it('answers 401 without a token and with a forged one, never invoking the function', async () => {
    expect(await getJson('/me')).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    const genuine = await localToken(cloud, { sub: 'mallory' });
    const [header, , signature] = genuine.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ sub: 'admin', iss: `${cloud.endpoints.aws}/_local` })).toString(
      'base64url',
    );
    const forged = await getJson('/me', `${header}.${forgedClaims}.${signature}`, {
      'x-correlation-id': 'e2e-forged-1',
    });
    expect(forged).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    const trace = await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=e2e-forged-1`);
    const { hops } = (await trace.json()) as { hops: { kind: string }[] };
    expect(hops.map((hop) => hop.kind)).toContain('http');
    expect(hops.map((hop) => hop.kind)).not.toContain('invoke');
  });

  it('answers 403 to a valid token without the route scope, and serves it with the scope', async () => {
    const idToken = await localToken(cloud, { sub: 'bob' });
    expect(await getJson('/rooms/lobby', idToken)).toMatchObject({ status: 403, body: { message: 'Forbidden' } });
    const otherScope = await localToken(cloud, { sub: 'bob', scopes: ['chat/write'] });
    expect((await getJson('/rooms/lobby', otherScope)).status).toBe(403);
    const reader = await localToken(cloud, { sub: 'bob', scopes: ['chat/read'] });
    expect(await getJson('/rooms/lobby', reader)).toMatchObject({
      status: 200,
      body: { roomId: 'lobby', reader: 'bob' },
    });
  });

  it("answers API Gateway's 404 for a route no service declares", async () => {
    expect(await getJson('/nowhere')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
  });

  it('lists HTTP API and WebSocket routes at /_local/routes', async () => {
    const listing = (await (await fetch(`${cloud.endpoints.aws}/_local/routes`)).json()) as Record<
      string,
      { routeKey: string; api: string; url?: string }[]
    >;
    expect(listing['routes']).toEqual([]);
    expect(listing['httpApiRoutes'].map((route) => route.routeKey).sort()).toEqual(['GET /me', 'GET /rooms/{roomId}']);
    expect(listing['websocketRoutes'].map((route) => route.routeKey).sort()).toEqual([
      '$connect',
      '$default',
      '$disconnect',
      'echo',
    ]);
    expect(listing['websocketRoutes'][0].api).toBe('harbor-e2e-chat-ws');
    // The console links each WebSocket route to the URL its API's clients connect to.
    expect(new Set(listing['websocketRoutes'].map((route) => route.url))).toEqual(
      new Set([cloud.endpoints.websocketApis['chat']]),
    );
  });
});

describe('WebSocket API with a REQUEST authorizer and @connections on the AWS endpoint', () => {
  const url = () => cloud.endpoints.websocketApis['chat'];
  const management = () =>
    new ApiGatewayManagementApiClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

  it('is served at the path the start-up table prints', () => {
    expect(url()).toBe(`${cloud.endpoints.websocket}/v1`);
  });

  it('refuses a handshake without a token, or with one the authorizer cannot verify, with 401', async () => {
    await expect(connectWs(url())).rejects.toThrow('HTTP 401');
    await expect(connectWs(`${url()}?token=not-a-jwt`)).rejects.toThrow('HTTP 401');
  });

  it('connects with a query-string token, routes messages by action, and the function replies through PostToConnection', async () => {
    const token = await localToken(cloud, { sub: 'carol' });
    const client = await connectWs(`${url()}?token=${encodeURIComponent(token)}`);
    try {
      client.send({ action: 'echo', text: 'hello' });
      const echoed = (await client.nextJson()) as Record<string, unknown>;
      expect(echoed).toMatchObject({ routeKey: 'echo', text: 'hello', principalId: 'carol', subject: 'carol' });
      expect(echoed['connectionId']).toMatch(/^[A-Za-z0-9+/]{15}=$/);

      client.send({ action: 'no-such-route' });
      expect(await client.nextJson()).toEqual({ routeKey: '$default' });
    } finally {
      await client.close();
    }
  });

  it('answers 410 GoneException to PostToConnection once the connection is closed', async () => {
    const client = await connectWs(`${url()}?token=${encodeURIComponent(await localToken(cloud, { sub: 'dave' }))}`);
    client.send({ action: 'echo', text: 'who am I' });
    const { connectionId } = (await client.nextJson()) as { connectionId: string };

    await management().send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: '{"from":"test"}' }));
    expect(await client.nextJson()).toEqual({ from: 'test' });

    await client.close();
    const gone = await eventually(async () => {
      const failure = await management()
        .send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: 'late' }))
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      if (!failure) throw new Error('the closed connection still took a message');
      return failure;
    });
    expect(gone).toMatchObject({ name: 'GoneException', $metadata: { httpStatusCode: 410 } });
  });
});

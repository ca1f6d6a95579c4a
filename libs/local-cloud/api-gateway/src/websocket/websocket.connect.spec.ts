import { createChatApi, type ChatApi } from '../../test/websocket/support/chat-api';
import { serveWebSocketApi, type RunningServer } from '../../test/websocket/support/servers';
import { connectClient, eventually, type TestClient } from '../../test/websocket/support/ws-client';

describe('WebSocket API: $connect and its REQUEST authorizer (real ws clients)', () => {
  let chat: ChatApi;
  let server: RunningServer;
  const clients: TestClient[] = [];
  const url = (query: string) => `ws://127.0.0.1:${server.port}/v1?${query}`;
  const open = async (query: string, headers: Record<string, string> = {}) => {
    const client = await connectClient(url(query), headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    chat = createChatApi({ stageVariables: { env: 'test' } });
    server = await serveWebSocketApi(chat.api);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await chat.api.close();
    await server.close();
  });

  it('sends the authorizer and $connect the events AWS sends, and registers the connection', async () => {
    await open('token=good&room=a&room=b', { 'X-Client': 'tests', 'User-Agent': 'chat-test' });
    const authorizerEvent = chat.invoker.lastEvent('chat.authorize');
    expect(authorizerEvent).toMatchObject({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${chat.api.apiId}/v1/$connect`,
      headers: expect.objectContaining({ 'X-Client': 'tests' }),
      queryStringParameters: { token: 'good', room: 'b' },
      multiValueQueryStringParameters: { token: ['good'], room: ['a', 'b'] },
      stageVariables: { env: 'test' },
      requestContext: expect.objectContaining({ routeKey: '$connect', eventType: 'CONNECT' }),
    });
    const event = chat.invoker.lastEvent('chat.connect');
    const context = event['requestContext'] as Record<string, unknown>;
    expect(event).toMatchObject({
      isBase64Encoded: false,
      queryStringParameters: { token: 'good', room: 'b' },
      multiValueHeaders: expect.objectContaining({ 'X-Client': ['tests'] }),
    });
    expect(context).toMatchObject({
      routeKey: '$connect',
      eventType: 'CONNECT',
      messageDirection: 'IN',
      stage: 'v1',
      apiId: chat.api.apiId,
      domainName: `127.0.0.1:${server.port}`,
      identity: { sourceIp: '127.0.0.1', userAgent: 'chat-test' },
      // Context values arrive as strings (the authorizer returned tier: 2), as API Gateway passes them on.
      authorizer: { principalId: 'user-7', tenant: 'acme', tier: '2', integrationLatency: expect.any(Number) },
    });
    expect(context['connectionId']).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(context['connectedAt']).toEqual(context['requestTimeEpoch']);
    expect(chat.api.hasConnection(String(context['connectionId']))).toBe(true);
  });

  it('also accepts connections at / (the local URL)', async () => {
    const client = await connectClient(`ws://127.0.0.1:${server.port}/?token=good`);
    clients.push(client);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it.each([
    ['without the identity source, never invoking the authorizer', '', 'HTTP 401', 0],
    ['when the authorizer throws Unauthorized', 'token=expired', 'HTTP 401', 1],
    ['when the policy denies', 'token=denied', 'HTTP 403', 1],
    ['when the authorizer answers garbage', 'token=broken', 'HTTP 500', 1],
  ])('refuses the handshake %s', async (_case, query, status, authorizerCalls) => {
    const authorizerBefore = chat.invoker.callsTo('chat.authorize').length;
    const connectBefore = chat.invoker.callsTo('chat.connect').length;
    await expect(connectClient(url(query))).rejects.toThrow(status);
    expect(chat.invoker.callsTo('chat.authorize').length - authorizerBefore).toBe(authorizerCalls);
    expect(chat.invoker.callsTo('chat.connect')).toHaveLength(connectBefore);
  });

  it('refuses the handshake with the status $connect answers outside 2xx', async () => {
    await expect(connectClient(url('token=good&refuse=yes'))).rejects.toThrow('HTTP 403');
    expect(chat.api.connections().length).toBe(clients.length);
  });

  it('refuses another stage', async () => {
    await expect(connectClient(`ws://127.0.0.1:${server.port}/v2?token=good`)).rejects.toThrow('HTTP 403');
  });

  it('runs $disconnect with the close code, and forgets the connection', async () => {
    const client = await connectClient(url('token=good'), { 'X-Correlation-Id': 'chat-corr' });
    const connectionId = String(
      (chat.invoker.lastEvent('chat.connect')['requestContext'] as Record<string, unknown>)['connectionId'],
    );
    await client.close(4000, 'bye');
    await eventually(() => chat.invoker.callsTo('chat.disconnect').length > 0);
    const context = chat.invoker.lastEvent('chat.disconnect')['requestContext'] as Record<string, unknown>;
    expect(context).toMatchObject({
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      connectionId,
      disconnectStatusCode: 4000,
      disconnectReason: 'bye',
      authorizer: expect.objectContaining({ tenant: 'acme' }),
    });
    expect(chat.api.hasConnection(connectionId)).toBe(false);
    expect(chat.trace.byCorrelationId('chat-corr').map((hop) => hop.name)).toEqual(['$connect', '$disconnect']);
  });
});

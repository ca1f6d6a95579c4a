import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionsEndpoint } from './management/connections-endpoint';
import { createChatApi, type ChatApi } from '../../test/websocket/support/chat-api';
import { serveHttp, serveWebSocketApi, type RunningServer } from '../../test/websocket/support/servers';
import { connectClient, eventually, type TestClient } from '../../test/websocket/support/ws-client';

const managementClient = (endpoint: string) =>
  new ApiGatewayManagementApiClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('@connections management API through the real AWS SDK client', () => {
  let chat: ChatApi;
  let sockets: RunningServer;
  let management: RunningServer;
  let client: TestClient;
  let connectionId: string;

  beforeAll(async () => {
    chat = createChatApi();
    sockets = await serveWebSocketApi(chat.api);
    management = await serveHttp(chat.api.handleConnectionsRequest);
    client = await connectClient(`ws://127.0.0.1:${sockets.port}/v1?token=good`, { 'User-Agent': 'sdk-test' });
    connectionId = chat.api.connections()[0].connectionId;
  });
  afterAll(async () => {
    await chat.api.close();
    await sockets.close();
    await management.close();
  });

  it('PostToConnection reaches the socket, with the endpoint at the root or under the stage', async () => {
    await managementClient(management.base).send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('{"hello":1}') }),
    );
    expect(await client.next()).toBe('{"hello":1}');
    await managementClient(`${management.base}/v1`).send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('second') }),
    );
    expect(await client.next()).toBe('second');
  });

  it('GetConnection answers when it connected, from where', async () => {
    const before = Date.now();
    const info = await managementClient(management.base).send(new GetConnectionCommand({ ConnectionId: connectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    expect(info.ConnectedAt!.getTime()).toBeLessThanOrEqual(before);
    expect(info.LastActiveAt).toBeInstanceOf(Date);
    expect(info.Identity).toEqual({ SourceIp: '127.0.0.1', UserAgent: 'sdk-test' });
  });

  it('answers GoneException (410) for a connection it does not hold', async () => {
    const attempt = managementClient(management.base).send(
      new PostToConnectionCommand({ ConnectionId: 'Zm9vYmFyYmF6cXV4PQ=', Data: Buffer.from('x') }),
    );
    await expect(attempt).rejects.toBeInstanceOf(GoneException);
    await expect(attempt).rejects.toMatchObject({ $metadata: { httpStatusCode: 410 } });
  });

  it('DeleteConnection closes the socket, runs $disconnect, and the connection is gone after', async () => {
    const sdk = managementClient(management.base);
    await sdk.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    expect(await client.closed).toBe(1000);
    await eventually(() => chat.invoker.callsTo('chat.disconnect').length > 0);
    expect(
      (chat.invoker.lastEvent('chat.disconnect')['requestContext'] as Record<string, unknown>)['connectionId'],
    ).toBe(connectionId);
    await expect(sdk.send(new GetConnectionCommand({ ConnectionId: connectionId }))).rejects.toBeInstanceOf(
      GoneException,
    );
    expect(chat.trace.byCorrelationId(connectionId).map((hop) => hop.name)).toEqual(
      expect.arrayContaining([
        '$connect',
        'POST @connections',
        'GET @connections',
        'DELETE @connections',
        '$disconnect',
      ]),
    );
  });
});

describe('connectionsEndpoint: one management endpoint for every WebSocket API (the AWS endpoint on 4566)', () => {
  it('sends each call to the API holding the connection, and says which paths are its own', async () => {
    const first = createChatApi({ name: 'first', authorizer: undefined });
    const second = createChatApi({ name: 'second', authorizer: undefined });
    const firstSockets = await serveWebSocketApi(first.api);
    const secondSockets = await serveWebSocketApi(second.api);
    const endpoint = connectionsEndpoint([first.api, second.api]);
    const client = await connectClient(`ws://127.0.0.1:${secondSockets.port}/v1`);
    try {
      const id = second.api.connections()[0].connectionId;
      const path = `/@connections/${encodeURIComponent(id)}`;
      expect(endpoint.canHandle({ method: 'POST', path, headers: {}, body: Buffer.alloc(0) })).toBe(true);
      expect(endpoint.canHandle({ method: 'POST', path: '/', headers: {}, body: Buffer.alloc(0) })).toBe(false);
      const answer = await endpoint.handle({ method: 'POST', path, headers: {}, body: Buffer.from('to second') });
      expect(answer.status).toBe(200);
      expect(await client.next()).toBe('to second');
      const gone = await endpoint.handle({
        method: 'GET',
        path: '/@connections/nobody',
        headers: {},
        body: Buffer.alloc(0),
      });
      expect(gone).toMatchObject({ status: 410, headers: { 'x-amzn-errortype': 'GoneException' } });
      // Without a caller the hop joins the connection's own trace.
      expect(second.trace.byCorrelationId(id).map((hop) => hop.name)).toContain('POST @connections');
    } finally {
      await client.close();
      await Promise.all([first.api.close(), second.api.close(), firstSockets.close(), secondSockets.close()]);
    }
  });
});

describe('connectionsEndpoint: the hop joins the trace of the request whose function made the call', () => {
  it('records PostToConnection under the correlation id its X-Amzn-Trace-Id belongs to', async () => {
    const chat = createChatApi({ authorizer: undefined });
    const sockets = await serveWebSocketApi(chat.api);
    const callers = new Map([
      ['Root=1-00000000-000000000000000000000001;Parent=0000000000000001;Sampled=0', 'order-42'],
    ]);
    const endpoint = connectionsEndpoint([chat.api], (traceHeader) =>
      traceHeader === undefined ? undefined : callers.get(traceHeader),
    );
    const client = await connectClient(`ws://127.0.0.1:${sockets.port}/v1`);
    try {
      const id = chat.api.connections()[0].connectionId;
      const path = `/@connections/${encodeURIComponent(id)}`;
      const headers = { 'x-amzn-trace-id': [...callers.keys()][0] };
      expect(
        (await endpoint.handle({ method: 'POST', path, headers, body: Buffer.from('{"status":"CONFIRMED"}') })).status,
      ).toBe(200);
      expect(await client.next()).toBe('{"status":"CONFIRMED"}');
      expect(chat.trace.byCorrelationId('order-42')).toEqual([
        expect.objectContaining({
          kind: 'websocket',
          name: 'POST @connections',
          status: 'ok',
          detail: expect.objectContaining({ connectionId: id, status: 200 }),
        }),
      ]);
      expect(chat.trace.byCorrelationId(id).map((hop) => hop.name)).not.toContain('POST @connections');
    } finally {
      await client.close();
      await Promise.all([chat.api.close(), sockets.close()]);
    }
  });
});

import { chatInvoker, createChatApi, type ChatApi } from '../../test/websocket/support/chat-api';
import { serveWebSocketApi, type RunningServer } from '../../test/websocket/support/servers';
import { connectClient, eventually, type TestClient } from '../../test/websocket/support/ws-client';

describe('WebSocket API: messages and route selection', () => {
  let chat: ChatApi;
  let server: RunningServer;
  let client: TestClient;
  let connectionId: string;

  beforeAll(async () => {
    chat = createChatApi();
    server = await serveWebSocketApi(chat.api);
    client = await connectClient(`ws://127.0.0.1:${server.port}/v1?token=good`);
    connectionId = chat.api.connections()[0].connectionId;
  });
  afterAll(async () => {
    await client.close();
    await chat.api.close();
    await server.close();
  });

  const sendAndWait = async (data: string | Buffer, functionId: string) => {
    const before = chat.invoker.callsTo(functionId).length;
    client.send(data);
    await eventually(() => chat.invoker.callsTo(functionId).length > before);
    return chat.invoker.lastEvent(functionId);
  };

  it("routes by $request.body.action and sends AWS's MESSAGE event", async () => {
    const body = JSON.stringify({ action: 'sendMessage', text: 'hi' });
    const event = await sendAndWait(body, 'chat.sendMessage');
    expect(event).toMatchObject({ body, isBase64Encoded: false });
    const context = event['requestContext'] as Record<string, unknown>;
    expect(context).toMatchObject({
      routeKey: 'sendMessage',
      eventType: 'MESSAGE',
      connectionId,
      stage: 'v1',
      authorizer: expect.objectContaining({ principalId: 'user-7' }),
    });
    expect(context['messageId']).toMatch(/=$/);
    expect(context['requestId']).not.toEqual(context['messageId']);
  });

  it.each([
    ['an action with no route', JSON.stringify({ action: 'dance' })],
    ['a message that is not JSON', 'hello there'],
    ['an action naming a reserved route', JSON.stringify({ action: '$connect' })],
  ])('sends %s to $default', async (_case, body) => {
    const event = await sendAndWait(body, 'chat.default');
    expect((event['requestContext'] as Record<string, unknown>)['routeKey']).toBe('$default');
    expect(event['body']).toBe(body);
  });

  it('passes binary frames base64-encoded to $default', async () => {
    const event = await sendAndWait(Buffer.from([0, 1, 2, 255]), 'chat.default');
    expect(event).toMatchObject({ body: 'AAEC/w==', isBase64Encoded: true });
  });

  it('tells the client about a function error, with the ids to find it', async () => {
    client.send(JSON.stringify({ action: 'sendMessage', text: 'explode' }));
    const reply = JSON.parse(String(await client.next()));
    expect(reply).toEqual({ message: 'Internal server error', connectionId, requestId: expect.stringMatching(/=$/) });
  });
});

describe('WebSocket API without $default', () => {
  it('answers a message no route takes with Forbidden on the socket', async () => {
    const chat = createChatApi({ routes: { sendMessage: { function: 'chat.sendMessage' } }, authorizer: undefined });
    const server = await serveWebSocketApi(chat.api);
    const client = await connectClient(`ws://127.0.0.1:${server.port}/v1`);
    try {
      client.send(JSON.stringify({ action: 'unknown' }));
      const reply = JSON.parse(String(await client.next()));
      expect(reply).toMatchObject({ message: 'Forbidden', connectionId: chat.api.connections()[0].connectionId });
      expect(chat.invoker.calls).toHaveLength(0);
    } finally {
      await client.close();
      await chat.api.close();
      await server.close();
    }
  });
});

// "API Gateway will not pass the backend response through to the route response, unless you set up a route
// response" (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html).
describe('WebSocket API: two-way routes', () => {
  let chat: ChatApi;
  let server: RunningServer;
  let client: TestClient;

  beforeAll(async () => {
    const invoker = chatInvoker()
      .on('chat.sendMessage', () => ({ statusCode: 200, body: 'a one-way route never sends this' }))
      .on('chat.echo', (event) => ({
        statusCode: 200,
        body: JSON.stringify({ echoed: JSON.parse(String(event['body'])).text }),
      }))
      .on('chat.bytes', () => ({
        statusCode: 200,
        body: Buffer.from([1, 2, 3]).toString('base64'),
        isBase64Encoded: true,
      }));
    chat = createChatApi(
      {
        routes: {
          $connect: { function: 'chat.connect' },
          $default: { function: 'chat.default' },
          sendMessage: { function: 'chat.sendMessage' },
          echo: { function: 'chat.echo', twoWay: true },
          bytes: { function: 'chat.bytes', twoWay: true },
        },
      },
      invoker,
    );
    server = await serveWebSocketApi(chat.api);
    client = await connectClient(`ws://127.0.0.1:${server.port}/v1?token=good`);
  });
  afterAll(async () => {
    await client.close();
    await chat.api.close();
    await server.close();
  });

  it("sends a two-way route's result body back on the socket, and a one-way route's not at all", async () => {
    client.send(JSON.stringify({ action: 'sendMessage', text: 'one way' }));
    await eventually(() => chat.invoker.callsTo('chat.sendMessage').length === 1);
    client.send(JSON.stringify({ action: 'echo', text: 'hello' }));
    // The one-way route's invocation ended first: had its body been sent, it would be the first frame.
    expect(JSON.parse(String(await client.next()))).toEqual({ echoed: 'hello' });
  });

  it('sends a base64-encoded body as a binary frame', async () => {
    client.send(JSON.stringify({ action: 'bytes' }));
    expect(Buffer.from((await client.next()) as Buffer)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('refuses a route response on $connect, naming the route', () => {
    expect(() => createChatApi({ routes: { $connect: { function: 'chat.connect', twoWay: true } } })).toThrow(
      /\$connect.*twoWay|twoWay.*\$connect/s,
    );
  });
});

import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createChatApi, chatInvoker, type ChatApi } from '../../test/websocket/support/chat-api';
import { serveWebSocketApi, type RunningServer } from '../../test/websocket/support/servers';
import { connectClient, eventually, type TestClient } from '../../test/websocket/support/ws-client';

// API Gateway's WebSocket quotas: https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
// (message payload size 128 KB, closed with 1009 "message too big"); invalid UTF-8 text is closed with 1007 as
// RFC 6455 section 8.1 requires. None of these may end the process serving every other API.
describe('WebSocket API: hostile clients do not end the local cloud', () => {
  let chat: ChatApi;
  let server: RunningServer;
  let releaseAuthorizer: () => void = () => undefined;
  let authorizerHeld = false;
  const upgradeSockets: Duplex[] = [];

  beforeAll(async () => {
    const invoker = chatInvoker();
    // The chat authorizer, except that a test can hold it open while the client goes away.
    invoker.on('chat.authorize', async (event) => {
      if (authorizerHeld) await new Promise<void>((resolve) => (releaseAuthorizer = resolve));
      const policyDocument = {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: String(event['methodArn']) }],
      };
      return { principalId: 'user-7', policyDocument };
    });
    chat = createChatApi({}, invoker);
    // The real listener, noting each raw upgrade socket so a test can see when the server has seen a reset.
    server = await serveWebSocketApi({
      ...chat.api,
      handleUpgrade: (request, socket, head) => {
        upgradeSockets.push(socket);
        chat.api.handleUpgrade(request, socket, head);
      },
    });
  });
  afterAll(async () => {
    await chat.api.close();
    await server.close();
  });

  const url = () => `ws://127.0.0.1:${server.port}/v1?token=good`;

  /** After each hostile input the same listener still opens a connection and routes a message. */
  const stillServing = async (): Promise<void> => {
    const client = await connectClient(url());
    const before = chat.invoker.callsTo('chat.default').length;
    client.send('still there?');
    await eventually(() => chat.invoker.callsTo('chat.default').length > before, 10_000);
    await client.close();
  };

  /** Sends `bytes` of text as one message in frames of at most `frameBytes` (fragmented, as RFC 6455 allows). */
  const sendFragmented = (client: TestClient, bytes: number, frameBytes: number): void => {
    for (let sent = 0; sent < bytes; sent += frameBytes) {
      const size = Math.min(frameBytes, bytes - sent);
      client.socket.send(Buffer.alloc(size, 'a'), { binary: false, fin: sent + size >= bytes });
    }
  };

  it('closes a message over 128 KB with 1009, even in frames within the 32 KB frame quota (API Gateway message payload quota)', async () => {
    const client = await connectClient(url());
    sendFragmented(client, 128 * 1024 + 1, 32 * 1024);
    expect(await client.closed).toBe(1009);
    await stillServing();
  });

  it('closes a single frame over 32 KB with 1009 without routing it (API Gateway frame size quota)', async () => {
    const client = await connectClient(url());
    const before = chat.invoker.callsTo('chat.default').length;
    client.send('a'.repeat(32 * 1024 + 1));
    expect(await client.closed).toBe(1009);
    expect(chat.invoker.callsTo('chat.default')).toHaveLength(before);
    await stillServing();
  });

  it('routes a 100 KB message sent in 32 KB frames to $default, whole', async () => {
    const client = await connectClient(url());
    const before = chat.invoker.callsTo('chat.default').length;
    sendFragmented(client, 100 * 1024, 32 * 1024);
    await eventually(() => chat.invoker.callsTo('chat.default').length > before, 10_000);
    expect(String(chat.invoker.lastEvent('chat.default')['body'])).toHaveLength(100 * 1024);
    await client.close();
  });

  it('closes a 1-byte invalid UTF-8 text frame with 1007', async () => {
    const client = await connectClient(url());
    client.socket.send(Buffer.from([0xff]), { binary: false });
    expect(await client.closed).toBe(1007);
    await stillServing();
  });

  it('drops an upgrade whose TCP connection is reset while the $connect authorizer runs, without invoking $connect', async () => {
    const connectsBefore = chat.invoker.callsTo('chat.connect').length;
    const authorizesBefore = chat.invoker.callsTo('chat.authorize').length;
    const connectionsBefore = chat.api.connections().length;
    authorizerHeld = true;
    const raw: Socket = connect(server.port, '127.0.0.1');
    raw.on('error', () => undefined);
    await new Promise<void>((resolve) => raw.once('connect', resolve));
    raw.write(
      'GET /v1?token=good HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await eventually(() => chat.invoker.callsTo('chat.authorize').length > authorizesBefore, 10_000);
    const serverSide = upgradeSockets[upgradeSockets.length - 1];
    raw.resetAndDestroy();
    await eventually(() => serverSide.destroyed, 10_000);
    authorizerHeld = false;
    releaseAuthorizer();
    await eventually(
      () => chat.trace.latest(1000).some((hop) => hop.name === '$connect' && hop.detail?.['status'] === 410),
      10_000,
    );
    expect(chat.invoker.callsTo('chat.connect')).toHaveLength(connectsBefore);
    expect(chat.api.connections()).toHaveLength(connectionsBefore);
    await stillServing();
  });
});

describe('WebSocket API: connection time quotas, time-compressed', () => {
  it('closes an idle connection with 1001 after the 10-minute idle timeout (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html)', async () => {
    // 10 AWS minutes in 20 real milliseconds.
    const chat = createChatApi({ timeCompression: 30_000 });
    const server = await serveWebSocketApi(chat.api);
    try {
      const client = await connectClient(`ws://127.0.0.1:${server.port}/v1?token=good`);
      expect(await client.closed).toBe(1001);
      await eventually(() => chat.invoker.callsTo('chat.disconnect').length > 0, 10_000);
      expect(chat.trace.latest(100).find((hop) => hop.name === 'timeout')?.detail).toMatchObject({
        reason: 'idle timeout',
      });
    } finally {
      await chat.api.close();
      await server.close();
    }
  });

  it('refuses a time compression that is not a positive number', () => {
    expect(() => createChatApi({ timeCompression: 0 })).toThrow('timeCompression 0');
  });
});

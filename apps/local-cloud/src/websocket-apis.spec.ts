import type { WebSocketApi } from '@harbor/local-cloud-api-gateway';
import { request as httpRequest } from 'node:http';
import { portOf } from './http/listen';
import {
  serveWebSocketApis,
  webSocketPaths,
  type RunningWebSocketApis,
  type ServiceWebSocketApi,
} from './websocket-apis';

/** A WebSocket API that answers a handshake with its name and the path it was given, instead of upgrading. */
const fakeApi = (service: string): ServiceWebSocketApi => {
  const api = {
    stage: 'v1',
    handleUpgrade: (request, socket) =>
      socket.end(`HTTP/1.1 204 No Content\r\nx-api: ${service}\r\nx-path: ${request.url}\r\n\r\n`),
    close: async () => undefined,
  } as Pick<WebSocketApi, 'stage' | 'handleUpgrade' | 'close'> as WebSocketApi;
  return { service, file: `apps/${service}/api/websocket.yaml`, api };
};

/** Sends a WebSocket handshake and reports who answered it. */
const handshake = (
  port: number,
  path: string,
): Promise<{ status: number; api?: string; path?: string; body: string }> =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      agent: false,
      headers: { connection: 'Upgrade', upgrade: 'websocket' },
    });
    outgoing.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          api: response.headers['x-api'] as string | undefined,
          path: response.headers['x-path'] as string | undefined,
          body,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });

describe('WebSocket APIs on one port', () => {
  let served: RunningWebSocketApis | undefined;
  afterEach(() => served?.close());

  it('names each API by its service in the first path segment and hands it the path AWS would', async () => {
    const apis = [fakeApi('orders'), fakeApi('chat')];
    served = await serveWebSocketApis('127.0.0.1', 0, apis);
    const port = portOf(served.server);
    expect(webSocketPaths(apis)).toEqual({ orders: '/orders/v1', chat: '/chat/v1' });
    expect(await handshake(port, '/chat/v1?token=abc')).toMatchObject({
      status: 204,
      api: 'chat',
      path: '/v1?token=abc',
    });
    expect(await handshake(port, '/orders?token=abc')).toMatchObject({
      status: 204,
      api: 'orders',
      path: '/?token=abc',
    });
    const unknown = await handshake(port, '/v1');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ message: 'No WebSocket API at /v1 (served: /orders/v1, /chat/v1)' });
  });

  it('serves a single API at /<stage> as well', async () => {
    const apis = [fakeApi('chat')];
    served = await serveWebSocketApis('127.0.0.1', 0, apis);
    expect(webSocketPaths(apis)).toEqual({ chat: '/v1' });
    expect(await handshake(portOf(served.server), '/v1')).toMatchObject({ status: 204, api: 'chat', path: '/v1' });
  });

  it('tells a plain HTTP request to upgrade', async () => {
    served = await serveWebSocketApis('127.0.0.1', 0, []);
    const response = await fetch(`http://127.0.0.1:${portOf(served.server)}/`);
    expect(response.status).toBe(426);
  });
});

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocketApi } from '../../../src/websocket/websocket-api.types';

export interface RunningServer {
  readonly port: number;
  readonly base: string;
  close(): Promise<void>;
}

const start = async (server: Server): Promise<RunningServer> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

/** The WebSocket API on a real port: upgrades go to the API, plain requests get 426. */
export const serveWebSocketApi = (api: WebSocketApi): Promise<RunningServer> => {
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'application/json' });
    response.end('{"message":"Upgrade Required"}');
  });
  server.on('upgrade', api.handleUpgrade);
  return start(server);
};

/** A plain HTTP server, for the management endpoint. */
export const serveHttp = (listener: RequestListener): Promise<RunningServer> => start(createServer(listener));

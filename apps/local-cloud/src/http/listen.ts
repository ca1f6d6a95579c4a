import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { guardServer, type ServerGuard } from './guard-server';
import {
  jsonResponse,
  PayloadTooLarge,
  readIncomingRequest,
  UnreadableBody,
  writeOutgoingResponse,
  type IncomingRequest,
  type OutgoingResponse,
} from './incoming-request';

/** Routes that need the open request and response (an event stream); true when it took the request. */
export interface RawRoutes {
  readonly takeRaw: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/**
 * Serves `handle` on host:port (0 = a free port), behind `guard` when given, with `raw` routes tried first;
 * resolves once it listens.
 */
export function listen(
  host: string,
  port: number,
  handle: (request: IncomingRequest) => Promise<OutgoingResponse>,
  guard?: ServerGuard,
  raw?: RawRoutes,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (raw?.takeRaw(req, res)) return;
    readIncomingRequest(req)
      .then(handle)
      .catch((error: unknown) => {
        if (error instanceof PayloadTooLarge) return jsonResponse(413, { message: error.message });
        // The client's own fault, answered as a bad request if it still listens; nothing was handled.
        if (error instanceof UnreadableBody) return jsonResponse(400, { message: error.message });
        process.stderr.write(
          `[local-cloud] ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        return jsonResponse(500, { message: 'Internal server error' });
      })
      .then((response) => writeOutgoingResponse(res, response));
  });
  server.keepAliveTimeout = 65_000;
  if (guard) guardServer(server, guard);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export const portOf = (server: Server): number => (server.address() as AddressInfo).port;

export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A port nothing listens on right now (for a child process that must be told its port up front). */
export const freePort = (host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createTcpServer().once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Binds an already built `server` to host:port; resolves once it listens, rejects when the port is taken. */
export const listenOn = <S extends Server>(server: S, host: string, port: number): Promise<S> =>
  new Promise((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve(server)));

import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { createWebSocketApi, type WebSocketApi } from '@harbor/local-cloud-api-gateway';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { relative } from 'node:path';
import type { Duplex } from 'node:stream';
import { guardServer, type ServerGuard } from './http/guard-server';
import { closeServer } from './http/listen';
import { webSocketApiName, type ResourceNaming } from './resource-names';

export interface WebSocketApisDependencies {
  readonly workspaceRoot: string;
  readonly naming: ResourceNaming;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
}

/** One service's WebSocket API and the file it was built from. */
export interface ServiceWebSocketApi {
  readonly service: string;
  readonly file: string;
  readonly api: WebSocketApi;
}

/** One WebSocket API per service that has a websocket.yaml; its function keys become local function ids. */
export function createWebSocketApis(
  services: readonly ServiceDefinition[],
  deps: WebSocketApisDependencies,
): ServiceWebSocketApi[] {
  return services.flatMap((service) => {
    const declared = service.websocket;
    if (!declared) return [];
    const functionOf = (key: string) => `${service.name}.${key}`;
    const file = relative(deps.workspaceRoot, `${service.directory}/api/websocket.yaml`);
    const api = createWebSocketApi({
      name: webSocketApiName(deps.naming, service.name),
      routes: Object.fromEntries(
        Object.entries(declared.routes).map(([routeKey, route]) => [
          routeKey,
          { function: functionOf(route.function), twoWay: route.twoWay },
        ]),
      ),
      routeSelectionExpression: declared.routeSelectionExpression,
      ...(declared.authorizer
        ? {
            authorizer: {
              function: functionOf(declared.authorizer.function),
              identitySources: declared.authorizer.identitySources,
            },
          }
        : {}),
      stage: declared.stage,
      invoker: deps.invoker,
      trace: deps.trace,
      sourceFile: file,
      region: deps.naming.region,
      accountId: deps.naming.accountId,
    });
    return [{ service: service.name, file, api }];
  });
}

/** Where clients connect: `/<service>/<stage>`, and `/<stage>` too when only one service has a WebSocket API. */
export const webSocketPaths = (apis: readonly ServiceWebSocketApi[]): Record<string, string> =>
  Object.fromEntries(
    apis.map(({ service, api }) => [service, apis.length === 1 ? `/${api.stage}` : `/${service}/${api.stage}`]),
  );

const refuse = (socket: Duplex, status: string, message: string): void => {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
};

/**
 * AWS gives each WebSocket API its own host; locally they share one port and the first path segment names the
 * service (`ws://127.0.0.1:3002/orders/v1`). The API then sees the path AWS would (`/v1`).
 */
function upgradeDispatcher(apis: readonly ServiceWebSocketApi[]) {
  const paths = Object.values(webSocketPaths(apis)).join(', ') || 'none: no service has a websocket.yaml';
  return function dispatchUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = request.url ?? '/';
    const [first, ...rest] = url.slice(1).split('/');
    const named = apis.find((candidate) => candidate.service === first.split('?', 1)[0]);
    if (named) request.url = `/${rest.join('/')}${first.includes('?') ? first.slice(first.indexOf('?')) : ''}`;
    const target = named ?? (apis.length === 1 ? apis[0] : undefined);
    if (!target)
      return refuse(socket, '404 Not Found', `No WebSocket API at ${url.split('?', 1)[0]} (served: ${paths})`);
    target.api.handleUpgrade(request, socket, head);
  };
}

export interface RunningWebSocketApis {
  readonly server: Server;
  /** Closes every connection (each runs `$disconnect`), then the server. */
  close(): Promise<void>;
}

/** Every service's WebSocket API on host:port (0 = a free port). Plain HTTP requests are told to upgrade. */
export async function serveWebSocketApis(
  host: string,
  port: number,
  apis: readonly ServiceWebSocketApi[],
  guard?: ServerGuard,
): Promise<RunningWebSocketApis> {
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'application/json', upgrade: 'websocket' });
    response.end('{"message":"Upgrade Required"}');
  });
  if (guard) guardServer(server, guard);
  // Upgraded sockets leave node:http's bookkeeping, so closing the server would wait for them: they are tracked here.
  const upgraded = new Set<Duplex>();
  const dispatch = upgradeDispatcher(apis);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    dispatch(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    server,
    close: async () => {
      await Promise.all(apis.map(({ api }) => api.close()));
      for (const socket of upgraded) socket.destroy();
      await closeServer(server);
    },
  };
}

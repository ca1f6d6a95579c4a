import type { LocalIssuer } from '@harbor/local-cloud-auth';
import type { AwsServiceEndpoint } from '@harbor/local-cloud-delivery';
import {
  connectionsEndpoint,
  restApiListener,
  type HttpApiRouteSummary,
  type WebSocketRouteSummary,
} from '@harbor/local-cloud-api-gateway';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { createServer, type Server } from 'node:http';
import { createHttpApis, httpApiDispatcher } from './http-apis';
import { guardServer, type ServerGuard } from './http/guard-server';
import { closeServer, portOf } from './http/listen';
import type { ResourceNaming } from './resource-names';
import { createWebSocketApis, serveWebSocketApis, webSocketPaths } from './websocket-apis';

export interface ApiGatewayV2Options {
  readonly workspaceRoot: string;
  readonly naming: ResourceNaming;
  readonly invoker: Invoker;
  readonly issuer: LocalIssuer;
  readonly trace: TraceRecorder;
  readonly host: string;
  readonly httpApiPort: number;
  readonly websocketPort: number;
  /** Which Host headers both listeners answer (DNS rebinding); none checked when not given (unit tests). */
  readonly guard?: ServerGuard;
  /** Which request's function is calling @connections, from the call's X-Amzn-Trace-Id (the Lambda runtime knows). */
  readonly callerCorrelationId?: (traceHeader: string | undefined) => string | undefined;
}

export interface ApiGatewayV2Routes {
  readonly httpApi: readonly (HttpApiRouteSummary & { api: string })[];
  readonly websocket: readonly (WebSocketRouteSummary & { api: string })[];
}

export interface RunningApiGatewayV2 {
  /** `http://host:port` serving every http-api.yaml. */
  readonly httpApi: string;
  /** `ws://host:port`; each service's API under the path in `websocketApis`. */
  readonly websocket: string;
  /** Service name to the URL its clients connect to. */
  readonly websocketApis: Readonly<Record<string, string>>;
  /** `@connections` of every WebSocket API, for the AWS endpoint. */
  readonly connections: AwsServiceEndpoint;
  routes(): ApiGatewayV2Routes;
  close(): Promise<void>;
}

const listenHttp = (server: Server, host: string, port: number): Promise<Server> =>
  new Promise((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve(server)));

/**
 * The API Gateway v2 half of the local cloud: one port for every service's HTTP API, one for every WebSocket API,
 * and the `@connections` management API the functions reach through the AWS endpoint. Definitions that cannot be
 * served as AWS would (or routes two services both claim) throw before anything listens.
 */
export async function startApiGatewayV2(services: readonly ServiceDefinition[], options: ApiGatewayV2Options): Promise<RunningApiGatewayV2> {
  const httpApis = createHttpApis(services, options);
  const dispatch = httpApiDispatcher(httpApis);
  const websocketApis = createWebSocketApis(services, options);

  const httpServer = createServer(restApiListener({ handle: dispatch }));
  if (options.guard) guardServer(httpServer, options.guard);
  await listenHttp(httpServer, options.host, options.httpApiPort);
  const websockets = await serveWebSocketApis(options.host, options.websocketPort, websocketApis, options.guard).catch(async (error: unknown) => {
    await closeServer(httpServer);
    throw error;
  });
  const websocket = `ws://${options.host}:${portOf(websockets.server)}`;
  return {
    httpApi: `http://${options.host}:${portOf(httpServer)}`,
    websocket,
    websocketApis: Object.fromEntries(Object.entries(webSocketPaths(websocketApis)).map(([service, path]) => [service, `${websocket}${path}`])),
    connections: connectionsEndpoint(websocketApis.map(({ api }) => api), options.callerCorrelationId),
    routes: () => ({
      httpApi: httpApis.flatMap(({ api }) => api.routes().map((route) => ({ ...route, api: api.name }))),
      websocket: websocketApis.flatMap(({ api }) => api.routes().map((route) => ({ ...route, api: api.name }))),
    }),
    close: async () => {
      await Promise.all([closeServer(httpServer), websockets.close()]);
    },
  };
}

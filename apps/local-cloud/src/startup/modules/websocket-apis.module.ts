import { connectionsEndpoint } from '@harbor/local-cloud-api-gateway';
import {
  createWebSocketApis,
  serveWebSocketApis,
  webSocketPaths,
  type RunningWebSocketApis,
} from '../../websocket-apis';
import type { LocalCloudModule } from '../local-cloud-module';

/** Every service's WebSocket API (websocket.yaml) on one port, and their `@connections` management API. */
export function webSocketApisModule(): LocalCloudModule {
  let running: RunningWebSocketApis | undefined;
  return {
    name: 'WebSocket APIs',
    async start(context) {
      const runtime = context.need('runtime');
      const apis = createWebSocketApis(context.need('services'), {
        workspaceRoot: context.workspaceRoot,
        naming: context.naming,
        invoker: context.need('invoker'),
        trace: context.trace,
      });
      const port = context.need('ports').websocket;
      running = await serveWebSocketApis(context.config.host, port, apis, { hosts: context.hosts });
      const url = context.url(port, 'ws');
      const paths = webSocketPaths(apis);
      context.provide('websocketApis', {
        url,
        urls: Object.fromEntries(Object.entries(paths).map(([service, path]) => [service, `${url}${path}`])),
        urlsByApi: Object.fromEntries(apis.map(({ service, api }) => [api.name, `${url}${paths[service]}`])),
        // Which request's function is calling @connections, from the call's X-Amzn-Trace-Id.
        connections: connectionsEndpoint(
          apis.map(({ api }) => api),
          runtime.correlationIdOfTraceHeader,
        ),
        routes: () => apis.flatMap(({ api }) => api.routes().map((route) => ({ ...route, api: api.name }))),
      });
    },
    async stop() {
      await running?.close(); // every connection runs $disconnect first
    },
  };
}

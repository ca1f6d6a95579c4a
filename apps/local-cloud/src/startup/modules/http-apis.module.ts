import { restApiListener } from '@harbor/local-cloud-api-gateway';
import { createServer, type Server } from 'node:http';
import { createHttpApis, httpApiDispatcher } from '../../http-apis';
import { guardServer } from '../../http/guard-server';
import { closeServer, listenOn } from '../../http/listen';
import type { LocalCloudModule } from '../local-cloud-module';

/** Every service's HTTP API (v2, http-api.yaml) on one port; routes two services both claim stop start-up. */
export function httpApisModule(): LocalCloudModule {
  let server: Server | undefined;
  return {
    name: 'HTTP APIs',
    async start(context) {
      const apis = createHttpApis(context.need('services'), {
        workspaceRoot: context.workspaceRoot,
        naming: context.naming,
        invoker: context.need('invoker'),
        issuer: context.need('issuer'),
        trace: context.trace,
      });
      const port = context.need('ports').httpApi;
      const listener = restApiListener({ handle: httpApiDispatcher(apis) });
      const listening = guardServer(createServer(listener), { hosts: context.hosts });
      server = await listenOn(listening, context.config.host, port);
      context.provide('httpApis', {
        url: context.url(port),
        routes: () => apis.flatMap(({ api }) => api.routes().map((route) => ({ ...route, api: api.name }))),
      });
    },
    async stop() {
      if (server) await closeServer(server);
    },
  };
}

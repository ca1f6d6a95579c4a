import { restApiListener } from '@harbor/local-cloud-api-gateway';
import { createServer, type Server } from 'node:http';
import { guardServer } from '../../http/guard-server';
import { closeServer, listenOn } from '../../http/listen';
import { createRestApis, restApiDispatcher } from '../../rest-apis';
import type { LocalCloudModule } from '../local-cloud-module';

/** One REST API (v1) per openapi.yaml, all on one port. */
export function restApisModule(): LocalCloudModule {
  let server: Server | undefined;
  return {
    name: 'REST APIs',
    async start(context) {
      const { config } = context;
      const apis = createRestApis(context.need('services'), {
        workspaceRoot: context.workspaceRoot,
        naming: context.naming,
        invoker: context.need('invoker'),
        sns: context.need('messaging').sns,
        issuer: context.need('issuer'),
        trace: context.trace,
        apiKey: config.apiKey,
      });
      const port = context.need('ports').rest;
      const listener = restApiListener({ handle: restApiDispatcher(apis) });
      const listening = guardServer(createServer(listener), { hosts: context.hosts });
      server = await listenOn(listening, context.config.host, port);
      context.provide('restApis', { url: context.url(port), apis });
    },
    async stop() {
      if (server) await closeServer(server);
    },
  };
}

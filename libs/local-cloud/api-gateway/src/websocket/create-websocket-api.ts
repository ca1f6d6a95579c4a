import { invalidDefinition, stableId } from '../core';
import { WebSocketServer } from 'ws';
import { ConnectionRegistry } from './connection/connection-registry';
import { compileDeclarations } from './definition/compile-declarations';
import { connectionsListener } from './management/connections-endpoint';
import { manageConnection, MAX_MESSAGE_BYTES } from './management/manage-connection';
import { handleUpgrade } from './session/handshake';
import type { SessionContext } from './session/session-context';
import type { CreateWebSocketApiOptions, WebSocketApi } from './websocket-api.types';

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Builds a local API Gateway WebSocket API from its route declarations: `$connect` behind an optional Lambda
 * REQUEST authorizer, `$disconnect`, `$default` and custom routes chosen by the route selection expression, and
 * the `@connections` management API. Declarations that cannot be served as AWS would throw at start-up.
 */
export const createWebSocketApi = (options: CreateWebSocketApiOptions): WebSocketApi => {
  const declarations = compileDeclarations(options, options.invoker);
  const stage = options.stage ?? 'v1';
  if (!STAGE_NAME.test(stage))
    throw invalidDefinition(
      { file: declarations.file },
      `stage ${stage}`,
      'a stage name is 1-128 letters, digits, - and _',
    );
  const compression = options.timeCompression ?? 1;
  if (!Number.isFinite(compression) || compression <= 0)
    throw invalidDefinition(
      { file: declarations.file },
      `timeCompression ${compression}`,
      'a time compression is a positive number',
    );
  const apiId = options.apiId ?? stableId(`websocket-api:${options.name}`, 10);
  const context: SessionContext = {
    apiName: options.name,
    api: {
      apiId,
      accountId: options.accountId ?? '123456789012',
      region: options.region ?? 'us-east-1',
      stage,
      stageVariables: options.stageVariables ?? {},
    },
    declarations,
    invoker: options.invoker,
    registry: new ConnectionRegistry(),
    trace: options.trace,
    timeCompression: options.timeCompression ?? 1,
  };
  // Bigger messages close the connection with 1009, as API Gateway's 128 KB message limit does.
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const upgrade = handleUpgrade(context, server);
  const manage = (request: Parameters<WebSocketApi['manageConnection']>[0]) => manageConnection(context, request);
  return {
    name: options.name,
    apiId,
    stage,
    // A failure there is a bug, not a client's doing: the socket is dropped rather than left hanging.
    handleUpgrade: (request, socket, head) => void upgrade(request, socket, head).catch(() => socket.destroy()),
    handleConnectionsRequest: connectionsListener(manage),
    manageConnection: manage,
    hasConnection: (connectionId) => context.registry.get(connectionId) !== undefined,
    connections: () => context.registry.summaries(),
    routes: () =>
      [...declarations.routes].map(([routeKey, functionId]) => ({
        routeKey,
        functionId,
        authorization: routeKey === '$connect' && declarations.authorizer ? 'CUSTOM' : 'NONE',
      })),
    close: async () => {
      const closing = context.registry.all().map(
        (connection) =>
          new Promise<void>((resolve) => {
            connection.socket.once('close', () => resolve(connection.ended));
            connection.socket.close(1001, 'Going away');
          }),
      );
      await Promise.all(closing);
      server.close();
    },
  };
};

import type { AwsServiceEndpoint } from '@harbor/local-cloud-messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionsRequest, ConnectionsResponse, WebSocketApi } from '../websocket-api.types';
import { connectionIdOf, isConnectionsPath } from './manage-connection';

/**
 * The `@connections` management API of every WebSocket API, in the shape the local cloud's AWS endpoint (port
 * 4566) mounts: the SDK with `AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI` reaches the API holding the connection.
 */
export const connectionsEndpoint = (
  apis: readonly Pick<WebSocketApi, 'hasConnection' | 'manageConnection'>[],
  /** The correlation id of the invocation that sent an `X-Amzn-Trace-Id` header, when one is running under it. */
  callerCorrelationId: (traceHeader: string | undefined) => string | undefined = () => undefined,
): AwsServiceEndpoint => ({
  canHandle: (request) => isConnectionsPath(request.path),
  handle: async (request) => {
    const id = connectionIdOf(request.path) ?? '';
    const api = apis.find((candidate) => candidate.hasConnection(id)) ?? apis[0];
    if (!api)
      return {
        status: 410,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' },
        body: JSON.stringify({ message: `Connection ${id} is gone` }),
      };
    const caller = callerCorrelationId(request.headers['x-amzn-trace-id']);
    return api.manageConnection({
      method: request.method,
      path: request.path,
      body: request.body,
      ...(caller ? { callerCorrelationId: caller } : {}),
    });
  },
});

/** node:http form: reads the body, answers through `manage`. */
export const connectionsListener =
  (manage: (request: ConnectionsRequest) => Promise<ConnectionsResponse>) =>
  (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      manage({ method: request.method ?? 'GET', path: request.url ?? '/', body: Buffer.concat(chunks) })
        .then((answer) => {
          response.writeHead(answer.status, {
            ...answer.headers,
            'content-length': String(Buffer.byteLength(answer.body)),
          });
          response.end(answer.body);
        })
        .catch(() => {
          if (!response.headersSent)
            response.writeHead(500, {
              'content-type': 'application/json',
              'x-amzn-errortype': 'InternalServerErrorException',
            });
          response.end('{"message":"Internal server error"}');
        });
    });
  };

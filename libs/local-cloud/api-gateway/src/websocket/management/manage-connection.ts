import { decodeOrKeep } from '../../core';
import { isUtf8 } from 'node:buffer';
import type { Connection } from '../connection/connection';
import { recordHop, type SessionContext } from '../session/session-context';
import type { ConnectionsRequest, ConnectionsResponse } from '../websocket-api.types';

/** API Gateway's limit on a WebSocket message, and so on `PostToConnection` data. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

// `/@connections/{id}`, or under the stage when the client's endpoint is `https://<domain>/<stage>` as AWS documents.
const CONNECTIONS_PATH = /^(?:\/[^/@][^/]*)?\/@connections\/([^/]+)\/?$/;

export const isConnectionsPath = (path: string): boolean => CONNECTIONS_PATH.test(path.split('?', 1)[0]);

/** The connection id a management path names (percent-decoded: ids end in `=`), or undefined. */
export const connectionIdOf = (path: string): string | undefined => {
  const match = CONNECTIONS_PATH.exec(path.split('?', 1)[0]);
  return match ? decodeOrKeep(match[1]) : undefined;
};

/** Errors in the REST-JSON shape the SDK reads: the type in `x-amzn-errortype`, a message in the body. */
const awsError = (status: number, type: string, message: string): ConnectionsResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
  body: JSON.stringify({ message }),
});

const send = (connection: Connection, data: Buffer): Promise<boolean> =>
  new Promise((resolve) => {
    if (connection.socket.readyState !== connection.socket.OPEN) return resolve(false);
    // Text frames for UTF-8 data (what clients reading JSON expect), binary frames otherwise.
    connection.socket.send(data, { binary: !isUtf8(data) }, (error) => resolve(!error));
  });

const answer = async (connection: Connection, request: ConnectionsRequest): Promise<ConnectionsResponse> => {
  const method = request.method.toUpperCase();
  if (method === 'POST') {
    if (request.body.length > MAX_MESSAGE_BYTES)
      return awsError(
        413,
        'PayloadTooLargeException',
        `Message of ${request.body.length} bytes exceeds the ${MAX_MESSAGE_BYTES} bytes limit`,
      );
    if (!(await send(connection, request.body)))
      return awsError(410, 'GoneException', `Connection ${connection.connectionId} is gone`);
    return { status: 200, headers: {}, body: '' };
  }
  if (method === 'GET') {
    const info = {
      connectedAt: new Date(connection.connectedAt).toISOString(),
      identity: { sourceIp: connection.handshake.sourceIp, userAgent: connection.handshake.userAgent },
      lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
    };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(info) };
  }
  if (method === 'DELETE') {
    // The close runs `$disconnect` through the socket's close handler, as a client-side close would.
    connection.socket.close(1000, 'Connection deleted');
    return { status: 204, headers: {}, body: '' };
  }
  return awsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
};

/**
 * The `@connections` management API (`PostToConnection`, `GetConnection`, `DeleteConnection`) as the AWS SDK
 * calls it. An unknown or closed connection answers 410 `GoneException`, as AWS does.
 */
export const manageConnection = async (
  context: SessionContext,
  request: ConnectionsRequest,
): Promise<ConnectionsResponse> => {
  const startedAt = Date.now();
  const connectionId = connectionIdOf(request.path);
  if (connectionId === undefined)
    return awsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const connection = context.registry.get(connectionId);
  const response = connection
    ? await answer(connection, request)
    : awsError(410, 'GoneException', `Connection ${connectionId} is gone`);
  // In the trace of the request that caused the call (an order's status push), else in the connection's own.
  const correlationId = request.callerCorrelationId ?? connection?.correlationId ?? connectionId;
  recordHop(context, correlationId, `${request.method.toUpperCase()} @connections`, startedAt, response.status < 300, {
    connectionId,
    status: response.status,
  });
  return response;
};

import { newGatewayId } from '../../core';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { authorizeConnect } from '../auth/connect-authorizer';
import type { Connection } from '../connection/connection';
import { guardFrameSize } from '../connection/frame-size-guard';
import { readHandshake } from '../connection/handshake-request';
import { connectEvent, type EventIdentity } from '../events/websocket-events';
import { disconnect } from './disconnect';
import { connectStatus, invokeRoute } from './invoke-route';
import { dispatchMessage } from './message-dispatch';
import { recordHop, type SessionContext } from './session-context';

const IDLE_TIMEOUT_MS = 10 * 60_000;
const MAX_CONNECTION_MS = 2 * 60 * 60_000;

const MESSAGES: Readonly<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  500: 'Internal server error',
};

/** Answers the upgrade request with an HTTP error, as API Gateway refuses a connection. */
const refuse = (socket: Duplex, status: number): void => {
  if (socket.destroyed) return;
  const body = JSON.stringify({ message: MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error' });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};

/** Clients connect to `/<stage>` (the deployed URL) or to `/` (what the local cloud prints). */
const servesPath = (path: string, stage: string): boolean => ['/', '', `/${stage}`, `/${stage}/`].includes(path);

/**
 * A client's upgrade request, in API Gateway's order: the `$connect` authorizer, then the `$connect` route; only
 * when both accept is the WebSocket opened and the connection registered (so `@connections` reaches it).
 */
export const handleUpgrade =
  (context: SessionContext, server: WebSocketServer) =>
  async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const startedAt = Date.now();
    const handshake = readHandshake(request, `${context.api.apiId}.execute-api.${context.api.region}.amazonaws.com`);
    const connectionId = newGatewayId();
    const correlationId = request.headers['x-correlation-id']?.toString() ?? connectionId;
    // Node removes its own error listener from a socket it hands to 'upgrade': until `ws` takes it over, a reset
    // (ECONNRESET while the authorizer runs) would be an uncaught 'error' that ends the whole process.
    let socketError: string | undefined;
    const onSocketError = (error: Error): void => {
      socketError = (error as NodeJS.ErrnoException).code ?? error.message;
      socket.destroy();
    };
    socket.on('error', onSocketError);
    const finish = (status: number, detail: Record<string, unknown> = {}): void => {
      if (status >= 300) refuse(socket, status);
      recordHop(context, correlationId, '$connect', startedAt, status < 300, { connectionId, status, ...detail });
    };
    const gone = (phase: string): boolean => {
      if (!socket.destroyed) return false;
      finish(410, { reason: `client left during ${phase}`, ...(socketError ? { socketError } : {}) });
      return true;
    };
    if (!servesPath(handshake.path, context.api.stage)) return finish(403, { path: handshake.path });
    let identity: EventIdentity = {
      api: context.api,
      connectionId,
      connectedAt: startedAt,
      handshake,
      authorizer: undefined,
      requestId: newGatewayId(),
      now: startedAt,
    };
    const authorizer = context.declarations.authorizer;
    if (authorizer) {
      const outcome = await authorizeConnect({ ...authorizer, invoker: context.invoker }, identity);
      if (!outcome.ok) return finish(outcome.status, { authorizer: outcome.reason });
      identity = { ...identity, authorizer: outcome.authorizer };
      // The client is gone: nothing to connect, so `$connect` is not invoked as if it were.
      if (gone('the authorizer')) return;
    }
    if (context.declarations.routes.has('$connect')) {
      const status = connectStatus(await invokeRoute(context, '$connect', connectEvent(identity), correlationId));
      if (status >= 300) return finish(status);
    }
    if (gone('$connect')) return;
    server.handleUpgrade(request, socket, head, (socketOpen) => {
      // From here `ws` handles the raw socket's errors.
      socket.off('error', onSocketError);
      // A message over 128 KB (1009) or invalid UTF-8 text (1007): `ws` closes with that code, then emits 'error',
      // which must not reach the process as uncaught.
      socketOpen.on('error', (error: Error & { code?: string }) =>
        recordHop(context, correlationId, 'protocol-error', Date.now(), false, {
          connectionId,
          error: error.code ?? error.message,
        }),
      );
      const connection: Connection = {
        connectionId,
        connectedAt: startedAt,
        lastActiveAt: startedAt,
        handshake,
        authorizer: identity.authorizer,
        correlationId,
        socket: socketOpen,
      };
      context.registry.add(connection);
      // A frame over 32 KB closes with 1009 as API Gateway does; nothing of that frame reaches a route.
      let frameTooBig = false;
      guardFrameSize(socket, (payloadBytes) => {
        frameTooBig = true;
        recordHop(context, correlationId, 'protocol-error', Date.now(), false, {
          connectionId,
          error: 'frame too big',
          payloadBytes,
        });
        socketOpen.close(1009, 'Frame size exceeds 32 KB');
      });
      // API Gateway's connection quotas (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html):
      // 10 minutes idle, 2 hours in all; both close with 1001 Going away.
      const expire = (reason: string) => () => {
        recordHop(context, correlationId, 'timeout', Date.now(), true, { connectionId, reason });
        socketOpen.close(1001, 'Going away');
      };
      let idle = setTimeout(expire('idle timeout'), IDLE_TIMEOUT_MS / context.timeCompression);
      const lifetime = setTimeout(expire('connection duration'), MAX_CONNECTION_MS / context.timeCompression);
      idle.unref();
      lifetime.unref();
      socketOpen.on('message', (data: Buffer, isBinary: boolean) => {
        clearTimeout(idle);
        idle = setTimeout(expire('idle timeout'), IDLE_TIMEOUT_MS / context.timeCompression);
        idle.unref();
        if (!frameTooBig) void dispatchMessage(context, connection, data, isBinary);
      });
      socketOpen.on('close', (code: number, reason: Buffer) => {
        clearTimeout(idle);
        clearTimeout(lifetime);
        connection.ended = disconnect(context, connection, code, reason.toString('utf8'));
      });
      finish(101);
    });
  };

import { newGatewayId } from '../../core';
import type { Connection } from '../connection/connection';
import { disconnectEvent } from '../events/websocket-events';
import { invokeRoute } from './invoke-route';
import { recordHop, type SessionContext } from './session-context';

/** Close codes API Gateway reports when the close frame carried none (1005) or the socket just dropped (1006). */
const DEFAULT_REASONS: Readonly<Record<number, string>> = {
  1005: 'Client-side close frame status not set',
  1006: 'Connection closed abnormally',
};

/** Runs `$disconnect` once for a connection that ended, however it ended (best effort, as in AWS). */
export const disconnect = async (
  context: SessionContext,
  connection: Connection,
  code: number,
  reason: string,
): Promise<void> => {
  if (!context.registry.remove(connection.connectionId)) return;
  const startedAt = Date.now();
  if (!context.declarations.routes.has('$disconnect')) return;
  const requestId = newGatewayId();
  const identity = {
    api: context.api,
    connectionId: connection.connectionId,
    connectedAt: connection.connectedAt,
    handshake: connection.handshake,
    authorizer: connection.authorizer,
    requestId,
    now: startedAt,
  };
  const outcome = await invokeRoute(
    context,
    '$disconnect',
    disconnectEvent(identity, code, reason || DEFAULT_REASONS[code] || ''),
    connection.correlationId,
  );
  recordHop(context, connection.correlationId, '$disconnect', startedAt, outcome.ok, {
    connectionId: connection.connectionId,
    requestId,
    closeCode: code,
  });
};

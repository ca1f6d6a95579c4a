import { newGatewayId } from '../../core';
import type { Connection } from '../connection/connection';
import { messageEvent } from '../events/websocket-events';
import { invokeRoute } from './invoke-route';
import { recordHop, type SessionContext } from './session-context';

const RESERVED = new Set(['$connect', '$disconnect', '$default']);

/** The route of a message: the key its body selects when such a custom route exists, else `$default`, else none. */
export const selectRouteKey = (context: SessionContext, body: string | undefined): string | undefined => {
  const selected = body === undefined ? undefined : context.declarations.selectRoute(body);
  if (selected !== undefined && !RESERVED.has(selected) && context.declarations.routes.has(selected)) return selected;
  return context.declarations.routes.has('$default') ? '$default' : undefined;
};

/** A Lambda proxy result's `body` (base64-decoded to a binary frame when `isBase64Encoded`); nothing without one. */
function sendRouteResponse(connection: Connection, result: unknown): void {
  if (typeof result !== 'object' || result === null) return;
  const { body, isBase64Encoded } = result as { body?: unknown; isBase64Encoded?: unknown };
  if (typeof body !== 'string') return;
  if (isBase64Encoded === true) connection.socket.send(Buffer.from(body, 'base64'), { binary: true });
  else connection.socket.send(body);
}

// What API Gateway sends back on the socket when it cannot deliver a message, with the ids to find it in logs.
const gatewayMessage = (connection: Connection, message: string, requestId: string): string =>
  JSON.stringify({ message, connectionId: connection.connectionId, requestId });

/**
 * One client message: selected route, `MESSAGE` event (binary frames base64-encoded). Without a route the client
 * gets `{"message":"Forbidden",...}`, a function error `{"message":"Internal server error",...}`. A function's
 * result goes back only on a two-way route (a `$default` route response), its `body` as the message: "API Gateway
 * will not pass the backend response through to the route response, unless you set up a route response"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html).
 */
export const dispatchMessage = async (
  context: SessionContext,
  connection: Connection,
  data: Buffer,
  isBinary: boolean,
): Promise<void> => {
  const startedAt = Date.now();
  connection.lastActiveAt = startedAt;
  const requestId = newGatewayId();
  const body = isBinary ? data.toString('base64') : data.toString('utf8');
  const routeKey = selectRouteKey(context, isBinary ? undefined : body);
  if (!routeKey) {
    connection.socket.send(gatewayMessage(connection, 'Forbidden', requestId));
    recordHop(context, connection.correlationId, '(no route)', startedAt, false, {
      connectionId: connection.connectionId,
      requestId,
    });
    return;
  }
  const identity = {
    api: context.api,
    connectionId: connection.connectionId,
    connectedAt: connection.connectedAt,
    handshake: connection.handshake,
    authorizer: connection.authorizer,
    requestId,
    now: startedAt,
  };
  const event = messageEvent(identity, routeKey, newGatewayId(), body, isBinary);
  const outcome = await invokeRoute(context, routeKey, event, connection.correlationId);
  if (!outcome.ok) connection.socket.send(gatewayMessage(connection, 'Internal server error', requestId));
  else if (context.declarations.twoWay.has(routeKey)) sendRouteResponse(connection, outcome.result);
  recordHop(context, connection.correlationId, routeKey, startedAt, outcome.ok, {
    connectionId: connection.connectionId,
    requestId,
    ...(outcome.ok ? {} : { errorType: outcome.errorType }),
  });
};

import { requestTime } from '../../core';
import type { HandshakeRequest } from '../connection/handshake-request';
import type { ApiContext } from './api-context';

export interface EventIdentity {
  readonly api: ApiContext;
  readonly connectionId: string;
  readonly connectedAt: number;
  readonly handshake: HandshakeRequest;
  readonly authorizer: Readonly<Record<string, unknown>> | undefined;
  readonly requestId: string;
  readonly now: number;
}

/** The `requestContext` every WebSocket event shares, as API Gateway writes it. */
export const requestContext = (
  identity: EventIdentity,
  routeKey: string,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
): Record<string, unknown> => ({
  routeKey,
  eventType,
  extendedRequestId: identity.requestId,
  requestTime: requestTime(identity.now),
  messageDirection: 'IN',
  stage: identity.api.stage,
  connectedAt: identity.connectedAt,
  requestTimeEpoch: identity.now,
  identity: { userAgent: identity.handshake.userAgent, sourceIp: identity.handshake.sourceIp },
  requestId: identity.requestId,
  domainName: identity.handshake.domainName,
  connectionId: identity.connectionId,
  apiId: identity.api.apiId,
  ...(identity.authorizer ? { authorizer: { ...identity.authorizer } } : {}),
});

const stageVariables = (api: ApiContext): Record<string, unknown> =>
  Object.keys(api.stageVariables).length > 0 ? { stageVariables: { ...api.stageVariables } } : {};

/** `$connect`: the handshake's headers and query string, then the context. */
export const connectEvent = (identity: EventIdentity): Record<string, unknown> => ({
  headers: { ...identity.handshake.headers },
  multiValueHeaders: { ...identity.handshake.multiValueHeaders },
  ...(identity.handshake.query
    ? {
        queryStringParameters: { ...identity.handshake.query },
        multiValueQueryStringParameters: { ...identity.handshake.multiValueQuery },
      }
    : {}),
  ...stageVariables(identity.api),
  requestContext: requestContext(identity, '$connect', 'CONNECT'),
  isBase64Encoded: false,
});

/** A message on its selected route; binary frames arrive base64-encoded. */
export const messageEvent = (
  identity: EventIdentity,
  routeKey: string,
  messageId: string,
  body: string,
  isBase64Encoded: boolean,
): Record<string, unknown> => ({
  requestContext: { ...requestContext(identity, routeKey, 'MESSAGE'), messageId },
  body,
  isBase64Encoded,
  ...stageVariables(identity.api),
});

/** `$disconnect`, with the close code and reason the socket ended with. */
export const disconnectEvent = (
  identity: EventIdentity,
  statusCode: number,
  reason: string,
): Record<string, unknown> => ({
  headers: { Host: identity.handshake.domainName, 'X-Forwarded-For': identity.handshake.sourceIp },
  multiValueHeaders: { Host: [identity.handshake.domainName], 'X-Forwarded-For': [identity.handshake.sourceIp] },
  ...stageVariables(identity.api),
  requestContext: {
    ...requestContext(identity, '$disconnect', 'DISCONNECT'),
    disconnectStatusCode: statusCode,
    disconnectReason: reason,
  },
  isBase64Encoded: false,
});

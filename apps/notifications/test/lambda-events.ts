import { deliver as deliverTo, snsEvent as snsRecordEvent, type SnsAttributes } from '@harbor/platform-lambda/testing';
import type { APIGatewayRequestAuthorizerEvent, SNSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { AuthorizedWebSocketEvent } from '@harbor/platform-lambda';

/** Calls a Middy handler as the Lambda runtime would. */
export const deliver = <E, R = unknown>(handler: unknown, event: E): Promise<R> =>
  deliverTo<E, R>(handler, event, 'harbor-test-notifications');

/** An SNS notification from the order-status topic (or another), as Lambda receives it. */
export const snsEvent = (message: string, attributes: SnsAttributes, topic = 'order-status'): SNSEvent =>
  snsRecordEvent(message, attributes, topic);

export interface StatusChange {
  readonly orderId?: string;
  readonly customerId: string;
  readonly status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'PAID' | 'CANCELLED';
  readonly totalMinor?: number;
}

/** OrderStatusChanged as orders' relay publishes it to the order-status topic: the envelope and its attributes. */
export function statusChanged(change: StatusChange): {
  readonly eventId: string;
  readonly orderId: string;
  readonly event: SNSEvent;
} {
  const eventId = randomUUID();
  const orderId = change.orderId ?? randomUUID();
  const total = { amountMinor: change.totalMinor ?? 2500, currency: 'EUR' };
  const envelope = {
    eventId,
    eventType: 'OrderStatusChanged',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: 'req-place-1',
    causationId: 'req-place-1',
    payload: { orderId, customerId: change.customerId, status: change.status, total },
  };
  const event = snsEvent(JSON.stringify(envelope), {
    eventType: { Type: 'String', Value: 'OrderStatusChanged' },
    status: { Type: 'String', Value: change.status },
    customerId: { Type: 'String', Value: change.customerId },
    totalMinor: { Type: 'Number', Value: String(total.amountMinor) },
    correlationId: { Type: 'String', Value: 'req-place-1' },
  });
  return { eventId, orderId, event };
}

/** A WebSocket route event as API Gateway sends it, with the authorizer's context when given. */
export function webSocketEvent(
  routeKey: '$connect' | '$disconnect',
  connectionId: string,
  authorizer?: Record<string, string>,
): AuthorizedWebSocketEvent {
  return {
    requestContext: {
      routeKey,
      eventType: routeKey === '$connect' ? 'CONNECT' : 'DISCONNECT',
      connectionId,
      messageId: undefined,
      extendedRequestId: randomUUID(),
      requestTime: new Date().toUTCString(),
      messageDirection: 'IN',
      stage: 'v1',
      connectedAt: Date.now(),
      requestTimeEpoch: Date.now(),
      requestId: randomUUID(),
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      apiId: 'abc123',
      ...(authorizer ? { authorizer: { ...authorizer, principalId: authorizer['customerId'] ?? '' } } : {}),
    },
    isBase64Encoded: false,
  } as unknown as AuthorizedWebSocketEvent;
}

/** The REQUEST authorizer event of `$connect`, with the token in the query string when given. */
export function connectAuthorizerEvent(token?: string): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/v1/$connect',
    resource: '$connect',
    path: '/v1',
    httpMethod: 'GET',
    headers: {},
    multiValueHeaders: {},
    pathParameters: {},
    queryStringParameters: token === undefined ? {} : { token },
    multiValueQueryStringParameters: token === undefined ? {} : { token: [token] },
    stageVariables: {},
    requestContext: {} as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

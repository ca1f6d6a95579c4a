import { lambdaContext } from '@harbor/platform-lambda/testing';
import type { EventBridgeEvent, SNSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { claimsOf, invoke } from './requests';

/** A Harbor envelope as another service's outbox relay would put it on the bus. */
export function inventoryEvent<P>(eventType: 'StockReserved' | 'StockRejected', payload: P, correlationId = 'req-place-1'): EventBridgeEvent<string, unknown> {
  const eventId = randomUUID();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': eventType,
    source: 'harbor.inventory',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: { eventId, eventType, version: 1, occurredAt: new Date().toISOString(), correlationId, causationId: correlationId, payload },
  };
}

/** An SNS notification as Lambda receives it from a subscription (one record). */
export function snsEvent(message: string, attributes: Record<string, { Type: 'String' | 'Number'; Value: string }>): SNSEvent {
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:harbor-test-payment-events:sub',
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: new Date().toISOString(),
          Signature: 'test',
          SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/cert.pem',
          MessageId: randomUUID(),
          Message: message,
          MessageAttributes: attributes,
          Type: 'Notification',
          UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
          TopicArn: 'arn:aws:sns:eu-west-1:123456789012:harbor-test-payment-events',
          Subject: '',
        },
      },
    ],
  };
}

type AsyncHandler<E> = (event: E, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
export const deliver = <E>(handler: unknown, event: E) => (handler as AsyncHandler<E>)(event, lambdaContext());

/** The order as its owner reads it through GET /orders/{orderId}. */
export async function orderAsOwner(getOrder: unknown, customerId: string, orderId: string) {
  const response = await invoke(getOrder, { method: 'GET', resource: '/orders/{orderId}', path: `/orders/${orderId}`, pathParameters: { orderId }, claims: claimsOf(customerId) });
  return response.json as { status: string; total: { amountMinor: number; currency: string } };
}

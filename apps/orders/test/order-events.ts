import { deliver as deliverTo, snsEvent as snsRecordEvent, type SnsAttributes } from '@harbor/platform-lambda/testing';
import type { EventBridgeEvent, SNSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { claimsOf, invoke } from './requests';

/** A Harbor envelope as another service's outbox relay would put it on the bus. */
export function inventoryEvent<P>(
  eventType: 'StockReserved' | 'StockRejected',
  payload: P,
  correlationId = 'req-place-1',
): EventBridgeEvent<string, unknown> {
  return busEvent('harbor.inventory', eventType, payload, correlationId);
}

/** The catalog's ProductPriced / ProductRetired as its outbox relay puts them on the bus. */
export function catalogEvent<P>(
  eventType: 'ProductPriced' | 'ProductRetired',
  payload: P,
): EventBridgeEvent<string, unknown> {
  return busEvent('harbor.catalog', eventType, payload, `req-${randomUUID()}`);
}

function busEvent<P>(
  source: string,
  eventType: string,
  payload: P,
  correlationId: string,
): EventBridgeEvent<string, unknown> {
  const eventId = randomUUID();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': eventType,
    source,
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: {
      eventId,
      eventType,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId,
      causationId: correlationId,
      payload,
    },
  };
}

/** An SNS notification from the payment-events topic, as Lambda receives it. */
export const snsEvent = (message: string, attributes: SnsAttributes): SNSEvent =>
  snsRecordEvent(message, attributes, 'payment-events');

export const deliver = <E>(handler: unknown, event: E) => deliverTo(handler, event);

/** The order as its owner reads it through GET /orders/{orderId}. */
export async function orderAsOwner(getOrder: unknown, customerId: string, orderId: string) {
  const response = await invoke(getOrder, {
    method: 'GET',
    resource: '/orders/{orderId}',
    path: `/orders/${orderId}`,
    pathParameters: { orderId },
    claims: claimsOf(customerId),
  });
  return response.json as { status: string; total: { amountMinor: number; currency: string } };
}

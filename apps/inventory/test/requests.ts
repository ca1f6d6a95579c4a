import { OrderCancelled, OrderExpired, OrderPlaced, type EventEnvelope } from '@harbor/contracts';
import {
  eventBridgeEvent,
  invokeHttpApiRoute,
  lambdaContext,
  type HttpApiEventInput,
} from '@harbor/platform-lambda/testing';
import type { EventBridgeEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

type Consumer = (event: EventBridgeEvent<string, unknown>, context: ReturnType<typeof lambdaContext>) => Promise<void>;

/** An admin's access token as the HTTP API's JWT authorizer hands it over. */
export const adminToken = {
  claims: { sub: 'admin-1', token_use: 'access', scope: 'inventory/admin', client_id: 'harbor-local-client' },
};
export const customerToken = { claims: { sub: 'customer-1', token_use: 'access', scope: 'orders/read' } };

export const newSku = (): string => `S${randomUUID().slice(0, 8).toUpperCase()}`;

const itemRoute = (sku: string): HttpApiEventInput => ({
  routePath: '/inventory/items/{sku}',
  rawPath: `/inventory/items/${sku}`,
  pathParameters: { sku },
});

/** Invokes an HTTP API route handler with a payload 2.0 event, and parses the JSON body. */
export const invoke = (handler: unknown, input: HttpApiEventInput & { json?: unknown }) =>
  invokeHttpApiRoute(handler, input, 'harbor-test-inventory-route');

export const putStock = (
  handler: unknown,
  sku: string,
  json: unknown,
  token: Partial<HttpApiEventInput> = adminToken,
) => invoke(handler, { method: 'PUT', ...itemRoute(sku), ...token, json });

export const getStockOf = (handler: unknown, sku: string, token: Partial<HttpApiEventInput> = adminToken) =>
  invoke(handler, { method: 'GET', ...itemRoute(sku), ...token });

function envelope(
  contract: typeof OrderPlaced | typeof OrderCancelled | typeof OrderExpired,
  payload: unknown,
): EventEnvelope {
  return contract.envelopeSchema.parse({
    eventId: randomUUID(),
    eventType: contract.name,
    version: 1,
    occurredAt: '2099-03-01T10:00:00.000Z',
    correlationId: `req-${randomUUID()}`,
    causationId: 'req',
    payload,
  });
}

export function orderPlacedEvent(lines: { sku: string; quantity: number }[], orderId = randomUUID()) {
  const detail = envelope(OrderPlaced, {
    orderId,
    customerId: 'customer-1',
    lines: lines.map((line) => ({ ...line, unitPrice: { amountMinor: 100, currency: 'EUR' } })),
    total: { amountMinor: lines.reduce((sum, line) => sum + line.quantity * 100, 0), currency: 'EUR' },
  });
  return eventBridgeEvent('OrderPlaced', detail);
}

export function orderCancelledEvent(orderId: string, lines: { sku: string; quantity: number }[]) {
  const detail = envelope(OrderCancelled, {
    orderId,
    customerId: 'customer-1',
    lines: lines.map((line) => ({ ...line, unitPrice: { amountMinor: 100, currency: 'EUR' } })),
    previousStatus: 'CONFIRMED',
  });
  return eventBridgeEvent('OrderCancelled', detail);
}

export const deliver = (handler: unknown, event: EventBridgeEvent<string, unknown>) =>
  (handler as Consumer)(event, lambdaContext('harbor-test-inventory-consumer'));

export function orderExpiredEvent(orderId: string, lines: { sku: string; quantity: number }[]) {
  const detail = envelope(OrderExpired, {
    orderId,
    customerId: 'customer-1',
    lines: lines.map((line) => ({ ...line, unitPrice: { amountMinor: 100, currency: 'EUR' } })),
    paymentDueAt: '2099-03-01T10:15:00.000Z',
  });
  return eventBridgeEvent('OrderExpired', detail);
}

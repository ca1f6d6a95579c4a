import { OrderStatusChanged, type EventEnvelope } from '@harbor/contracts';
import type { Order, OrderStatus } from '@harbor/orders-domain';
import { toEventEnvelopes, type EnvelopeOrigin } from './order-event-envelopes';

/**
 * Everything one change of an order publishes: its domain events (to the bus) and, when its status moved,
 * one OrderStatusChanged (to the order-status topic). Written with the order in one transaction, each as its
 * own outbox record, so the relay publishes every record to exactly one place, once.
 */
export function toOrderOutbox(
  order: Order,
  previousStatus: OrderStatus | undefined,
  origin: EnvelopeOrigin,
): EventEnvelope[] {
  const envelopes = toEventEnvelopes(order.pullEvents(), origin);
  if (order.status === previousStatus) return envelopes;
  const statusChanged = OrderStatusChanged.envelopeSchema.parse({
    eventId: origin.idGenerator.newId(),
    eventType: OrderStatusChanged.name,
    version: OrderStatusChanged.version,
    occurredAt: origin.occurredAt.toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId ?? origin.correlationId,
    payload: {
      orderId: order.id.value,
      customerId: order.customerId.value,
      status: order.status,
      ...(previousStatus === undefined ? {} : { previousStatus }),
      total: order.total.toData(),
    },
  });
  return [...envelopes, statusChanged];
}

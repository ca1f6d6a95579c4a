import type { EventEnvelope } from '@harbor/contracts';
import { Order, type OrderSnapshot } from '@harbor/orders-domain';
import type { OrderItem, OutboxItem } from './orders-table.items';
import { customerOrderSk, customerPk, ORDER_SK, orderPk, outboxSk } from './orders-table.keys';

/** The item that stores `order` as written for the `storedVersion`-th time. */
export function toPersistence(order: Order, storedVersion: number): OrderItem {
  const snapshot = order.toSnapshot();
  return {
    pk: orderPk(snapshot.orderId),
    sk: ORDER_SK,
    gsi1pk: customerPk(snapshot.customerId),
    gsi1sk: customerOrderSk(snapshot.createdAt, snapshot.orderId),
    orderId: snapshot.orderId,
    customerId: snapshot.customerId,
    status: snapshot.status,
    lines: snapshot.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice: { ...unitPrice } })),
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
    version: storedVersion,
    ...(snapshot.paymentId === undefined ? {} : { paymentId: snapshot.paymentId }),
    ...(snapshot.paymentDueAt === undefined ? {} : { paymentDueAt: new Date(snapshot.paymentDueAt) }),
    ...(snapshot.latePaymentIds === undefined ? {} : { latePaymentIds: [...snapshot.latePaymentIds] }),
    ...(snapshot.rejectionReasons === undefined
      ? {}
      : { rejectionReasons: snapshot.rejectionReasons.map(({ sku, reason }) => ({ sku, reason })) }),
  };
}

/** The order an item stores. Fields are picked one by one, so keys or stray attributes never reach the domain. */
export function toDomain(item: OrderItem): Order {
  const snapshot: OrderSnapshot = {
    orderId: item.orderId,
    customerId: item.customerId,
    lines: item.lines.map(({ sku, quantity, unitPrice }) => ({
      sku,
      quantity,
      unitPrice: { amountMinor: unitPrice.amountMinor, currency: unitPrice.currency },
    })),
    // Rehydration validates the status, so the cast is checked there.
    status: item.status as OrderSnapshot['status'],
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
    ...(item.paymentId === undefined ? {} : { paymentId: item.paymentId }),
    ...(item.paymentDueAt === undefined ? {} : { paymentDueAt: item.paymentDueAt.toISOString() }),
    ...(item.latePaymentIds === undefined ? {} : { latePaymentIds: [...item.latePaymentIds] }),
    ...(item.rejectionReasons === undefined
      ? {}
      : { rejectionReasons: item.rejectionReasons.map(({ sku, reason }) => ({ sku, reason })) }),
  };
  return Order.rehydrate(snapshot);
}

/** The outbox record of the `position`-th event written with the order's `storedVersion`-th write. */
export function toOutboxItem(
  envelope: EventEnvelope,
  at: { readonly orderId: string; readonly storedVersion: number; readonly position: number; readonly expiresAt: Date },
): OutboxItem {
  return {
    pk: orderPk(at.orderId),
    sk: outboxSk(at.storedVersion, at.position),
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    envelope: JSON.stringify(envelope),
    correlationId: envelope.correlationId,
    expiresAt: at.expiresAt,
  };
}

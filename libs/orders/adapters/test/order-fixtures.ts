import type { EventEnvelope } from '@harbor/contracts';
import { toEventEnvelopes } from '@harbor/orders-application';
import { Order } from '@harbor/orders-domain';
import { CryptoIdGenerator } from '../src/system/crypto.id-generator';

const ids = new CryptoIdGenerator();

/** A fresh customer id, so tests sharing the table never see each other's orders. */
export const newCustomerId = (): string => `customer-${ids.newId()}`;

/** A newly placed order (version 0) and the OrderPlaced envelope its placement produces. */
export function placeOrder(
  customerId: string,
  now = new Date('2099-03-01T12:00:00.000Z'),
): { order: Order; outbox: EventEnvelope[] } {
  const order = Order.place({
    id: ids.newId(),
    customerId,
    lines: [
      { sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } },
      { sku: 'SKU-2', quantity: 1, unitPrice: { amountMinor: 99, currency: 'EUR' } },
    ],
    now,
  });
  const outbox = toEventEnvelopes(order.pullEvents(), {
    idGenerator: ids,
    occurredAt: now,
    correlationId: 'adapter-test',
  });
  return { order, outbox };
}

import { CorruptOrderSnapshot, Order } from '@harbor/orders-domain';
import { placeOrder } from '../../test/order-fixtures';
import type { OrderItem } from './orders-table.items';
import { toDomain, toOutboxItem, toPersistence } from './order.mapper';

const later = new Date('2099-03-02T08:00:00.000Z');

describe('order mapper', () => {
  it('keys an order by id, and by customer then creation time for the byCustomer index', () => {
    const { order } = placeOrder('customer-7');
    const item = toPersistence(order, 1);
    expect(item).toMatchObject({
      pk: `ORDER#${order.id.value}`,
      sk: 'ORDER',
      gsi1pk: 'CUSTOMER#customer-7',
      gsi1sk: `2099-03-01T12:00:00.000Z#${order.id.value}`,
      version: 1,
    });
  });

  it.each<[string, (order: Order) => void]>([
    ['pending', () => undefined],
    ['paid', (order) => (order.confirm(later), order.markPaid('payment-9', later))],
    ['rejected', (order) => order.reject([{ sku: 'SKU-1', reason: 'out of stock' }], later)],
    [
      'expired and paid late',
      (order) => (
        order.confirm(later, new Date('2099-03-02T08:15:00.000Z')),
        order.expire(later),
        order.recordLatePayment('pay-late', { amountMinor: 1, currency: 'EUR' }, later)
      ),
    ],
  ])('round-trips a %s order, with the stored version', (_, change) => {
    const { order } = placeOrder('customer-7');
    change(order);
    expect(toDomain(toPersistence(order, 4)).toSnapshot()).toEqual({ ...order.toSnapshot(), version: 4 });
  });

  it('reads only the fields it knows', () => {
    const item = { ...toPersistence(placeOrder('customer-7').order, 1), discountCode: 'FREE' } as OrderItem;
    expect(toDomain(item).toSnapshot()).not.toHaveProperty('discountCode');
  });

  it('reports a stored item that is no valid order as corrupt, not as a client error', () => {
    const item = { ...toPersistence(placeOrder('customer-7').order, 1), status: 'SHIPPED' };
    expect(() => toDomain(item)).toThrow(CorruptOrderSnapshot);
  });

  it('puts an event in the outbox under the write it belongs to', () => {
    const { order, outbox } = placeOrder('customer-7');
    const expiresAt = new Date('2099-03-08T12:00:00.000Z');
    expect(toOutboxItem(outbox[0]!, { orderId: order.id.value, storedVersion: 12, position: 3, expiresAt })).toEqual({
      pk: `ORDER#${order.id.value}`,
      sk: 'OUTBOX#0000000012#003',
      eventId: outbox[0]!.eventId,
      eventType: 'OrderPlaced',
      envelope: JSON.stringify(outbox[0]),
      correlationId: 'adapter-test',
      expiresAt,
    });
  });
});

import { LATER, orderIn, placeOrder } from '../test/order-fixtures';
import { CorruptOrderSnapshot } from './errors';
import { Order } from './order.entity';
import type { OrderSnapshot } from './order.snapshot';
import { OrderStatus } from './order-status';

describe('Order snapshots', () => {
  it.each(Object.values(OrderStatus))('round-trip an order that is %s', (status) => {
    const snapshot = orderIn(status).toSnapshot();
    expect(Order.rehydrate(snapshot).toSnapshot()).toEqual(snapshot);
  });

  it('are plain data that survive JSON', () => {
    const snapshot = orderIn(OrderStatus.Paid).toSnapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toEqual(
      expect.objectContaining({ status: 'PAID', paymentId: 'pay-1', createdAt: '2025-03-01T10:00:00.000Z' }),
    );
    expect(snapshot).not.toHaveProperty('total');
  });

  it('rehydrate records no events and keeps the stored version', () => {
    const order = Order.rehydrate({ ...placeOrder().toSnapshot(), version: 7 });
    expect(order.pullEvents()).toEqual([]);
    expect(order.version).toBe(7);
  });

  it('a rehydrated order moves on from where it was', () => {
    const order = Order.rehydrate(orderIn(OrderStatus.Confirmed).toSnapshot());
    order.markPaid('pay-2', LATER);
    expect(order.toSnapshot()).toEqual(expect.objectContaining({ status: 'PAID', updatedAt: LATER.toISOString() }));
  });

  const valid = (): OrderSnapshot => placeOrder().toSnapshot();
  it.each([
    ['an unknown status', { status: 'SHIPPED' }],
    ['a negative version', { version: -1 }],
    ['an unreadable date', { createdAt: 'soon' }],
    ['no lines', { lines: [] }],
    ['a bad order id', { orderId: 'x' }],
  ])('refuses %s as a CorruptOrderSnapshot, keeping the cause', (_case, change) => {
    const attempt = () => Order.rehydrate({ ...valid(), ...change } as OrderSnapshot);
    expect(attempt).toThrow(CorruptOrderSnapshot);
    expect(attempt).toThrow(expect.objectContaining({ cause: expect.any(Error) }));
  });
});

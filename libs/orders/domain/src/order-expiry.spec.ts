import { eventContracts } from '@harbor/contracts';
import { LATER, ORDER_ID, CUSTOMER_ID, orderIn, PAYMENT_DUE_AT, placeOrder } from '../test/order-fixtures';
import { Order } from './order.entity';
import { OrderStatus } from './order-status';

const LATE = new Date('2025-03-01T10:20:00.000Z');
const validPayload = (event: { type: string; payload: unknown }) =>
  eventContracts.find((contract) => contract.name === event.type)!.payloadSchema.safeParse(event.payload).success;

describe('payment deadline', () => {
  it('records the end of the payment window when the order is confirmed, and keeps it through a snapshot', () => {
    const order = placeOrder();
    order.confirm(LATER, PAYMENT_DUE_AT);
    expect(order.paymentDueAt).toEqual(PAYMENT_DUE_AT);
    expect(Order.rehydrate(order.toSnapshot()).paymentDueAt).toEqual(PAYMENT_DUE_AT);
  });

  it('expires a confirmed order with OrderExpired carrying its lines (for inventory) and its deadline', () => {
    const order = orderIn(OrderStatus.Confirmed);
    order.expire(LATE);
    expect(order.status).toBe('EXPIRED');
    expect(order.closesOpenOrder).toBe(false); // not loaded from storage: nothing to count down
    const [event, ...rest] = order.pullEvents();
    expect(rest).toEqual([]);
    expect(event).toEqual({
      type: 'OrderExpired',
      payload: {
        orderId: ORDER_ID,
        customerId: CUSTOMER_ID,
        lines: order.toSnapshot().lines,
        paymentDueAt: PAYMENT_DUE_AT.toISOString(),
      },
    });
    expect(validPayload(event!)).toBe(true);
  });

  it('counts an expired order as closed, so the customer may order again', () => {
    const stored = Order.rehydrate(orderIn(OrderStatus.Confirmed).toSnapshot());
    stored.expire(LATE);
    expect(stored.closesOpenOrder).toBe(true);
  });

  it.each([OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Pending, OrderStatus.Rejected, OrderStatus.Expired])(
    'a %s order cannot expire',
    (status) => {
      expect(() => orderIn(status).expire(LATE)).toThrow(
        expect.objectContaining({ code: 'ORDER.ILLEGAL_TRANSITION', details: { from: status, to: 'EXPIRED' } }),
      );
    },
  );

  it('an expired order cannot be paid', () => {
    expect(() => orderIn(OrderStatus.Expired).markPaid('pay-late', LATE)).toThrow(
      expect.objectContaining({ code: 'ORDER.ILLEGAL_TRANSITION' }),
    );
  });

  it('records a late payment once and asks for its refund with PaymentRefundRequired', () => {
    const order = orderIn(OrderStatus.Expired);
    const amount = { amountMinor: 3000, currency: 'EUR' };
    order.recordLatePayment('pay-late', amount, LATE);
    order.recordLatePayment('pay-late', amount, LATE);
    expect(order.status).toBe('EXPIRED');
    expect(order.latePaymentIds).toEqual(['pay-late']);
    const events = order.pullEvents();
    expect(events).toEqual([
      {
        type: 'PaymentRefundRequired',
        payload: { orderId: ORDER_ID, customerId: CUSTOMER_ID, paymentId: 'pay-late', amount, orderStatus: 'EXPIRED' },
      },
    ]);
    expect(validPayload(events[0]!)).toBe(true);
    expect(Order.rehydrate(order.toSnapshot()).latePaymentIds).toEqual(['pay-late']);
  });

  it.each([OrderStatus.Confirmed, OrderStatus.Paid])('takes no late payment on a %s order', (status) => {
    expect(() => orderIn(status).recordLatePayment('pay-late', { amountMinor: 1, currency: 'EUR' }, LATE)).toThrow(
      expect.objectContaining({ code: 'ORDER.ILLEGAL_TRANSITION' }),
    );
  });

  it('refuses a stored order whose late payments are not payment ids', () => {
    const snapshot = { ...orderIn(OrderStatus.Expired).toSnapshot(), latePaymentIds: [''] };
    expect(() => Order.rehydrate(snapshot)).toThrow(expect.objectContaining({ code: 'ORDER.CORRUPT_SNAPSHOT' }));
  });
});

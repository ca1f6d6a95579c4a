import { LATER, orderIn } from '../test/order-fixtures';
import { OrderAlreadyPaid, OrderAwaitingConfirmation, PaymentAmountMismatch } from './errors';
import { OrderStatus } from './order-status';

// orderIn's order holds 2 × 12.50 EUR and 1 × 5.00 EUR: a total of 3000 minor units.
const TOTAL = { amountMinor: 3000, currency: 'EUR' };

describe('paying an order', () => {
  it('marks a confirmed order PAID by a payment of exactly its total, with OrderPaid', () => {
    const order = orderIn(OrderStatus.Confirmed);
    order.pay('pay-2', TOTAL, LATER);
    expect(order.status).toBe(OrderStatus.Paid);
    expect(order.paymentId).toBe('pay-2');
    expect(order.pullEvents().map((event) => event.type)).toEqual(['OrderPaid']);
    expect(order.hasPayment('pay-2')).toBe(true);
    expect(order.hasPayment('pay-3')).toBe(false);
  });

  it.each([
    ['another amount', { amountMinor: 2999, currency: 'EUR' }],
    ['another currency', { amountMinor: 3000, currency: 'GBP' }],
  ])('refuses a payment of %s with PaymentAmountMismatch, and stays as it was', (_case, amount) => {
    const order = orderIn(OrderStatus.Confirmed);
    expect(() => order.pay('pay-2', amount, LATER)).toThrow(PaymentAmountMismatch);
    const mismatch = expect.objectContaining({ code: 'ORDER.PAYMENT_AMOUNT_MISMATCH' });
    expect(() => order.pay('pay-2', amount, LATER)).toThrow(mismatch);
    expect(order.status).toBe(OrderStatus.Confirmed);
    expect(order.pullEvents()).toEqual([]);
  });

  it('refuses a second payment of a paid order with OrderAlreadyPaid, naming the payment that paid it', () => {
    const order = orderIn(OrderStatus.Paid);
    const details = { orderId: order.id.value, paymentId: 'pay-2', paidBy: 'pay-1' };
    const alreadyPaid = expect.objectContaining({ code: 'ORDER.ALREADY_PAID', details });
    expect(() => order.pay('pay-2', TOTAL, LATER)).toThrow(alreadyPaid);
    expect(() => order.pay('pay-2', TOTAL, LATER)).toThrow(OrderAlreadyPaid);
    expect(order.hasPayment('pay-1')).toBe(true);
  });

  it('makes a payment of a PENDING order wait for the confirmation (OrderAwaitingConfirmation)', () => {
    const order = orderIn(OrderStatus.Pending);
    expect(() => order.pay('pay-2', TOTAL, LATER)).toThrow(OrderAwaitingConfirmation);
    expect(order.status).toBe(OrderStatus.Pending);
  });

  it('records a payment of an EXPIRED order for a refund instead of reviving it', () => {
    const order = orderIn(OrderStatus.Expired);
    order.pay('pay-late', { amountMinor: 10, currency: 'EUR' }, LATER);
    expect(order.status).toBe(OrderStatus.Expired);
    expect(order.latePaymentIds).toEqual(['pay-late']);
    expect(order.pullEvents().map((event) => event.type)).toEqual(['PaymentRefundRequired']);
    expect(order.hasPayment('pay-late')).toBe(true);
  });

  it.each([OrderStatus.Cancelled, OrderStatus.Rejected])('cannot pay a %s order', (status) => {
    const illegal = expect.objectContaining({ code: 'ORDER.ILLEGAL_TRANSITION' });
    expect(() => orderIn(status).pay('pay-2', TOTAL, LATER)).toThrow(illegal);
  });
});

import { OrderCancelled } from './order-cancelled.event';
import { OrderConfirmed } from './order-confirmed.event';
import { OrderPaid } from './order-paid.event';
import { OrderPlaced } from './order-placed.event';
import { OrderExpired } from './order-expired.event';
import { OrderRejected } from './order-rejected.event';
import { PaymentRefundRequired } from './payment-refund-required.event';

const orderId = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
const customerId = 'customer-1';
const lines = [{ sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 250, currency: 'EUR' } }];
const total = { amountMinor: 500, currency: 'EUR' };

describe('orders events v1', () => {
  it.each([
    [OrderPlaced, { orderId, customerId, lines, total }],
    [OrderCancelled, { orderId, customerId, lines, previousStatus: 'CONFIRMED' }],
    [OrderConfirmed, { orderId, customerId, total }],
    [OrderRejected, { orderId, customerId, reasons: [{ sku: 'SKU-1', reason: 'out of stock' }] }],
    [OrderPaid, { orderId, customerId, paymentId: 'pay-1', total }],
    [OrderExpired, { orderId, customerId, lines, paymentDueAt: '2025-03-01T10:15:00.000Z' }],
    [PaymentRefundRequired, { orderId, customerId, paymentId: 'pay-1', amount: total, orderStatus: 'EXPIRED' }],
  ])('%# accepts a complete payload', (contract, payload) => {
    expect(contract.version).toBe(1);
    expect(contract.payloadSchema.parse(payload)).toEqual(payload);
  });

  it.each([
    [OrderPlaced, { orderId, customerId, lines: [], total }, 'lines'],
    [OrderPlaced, { orderId: 'x', customerId, lines, total }, 'orderId'],
    [OrderCancelled, { orderId, customerId, lines, previousStatus: 'PAID' }, 'previousStatus'],
    [OrderConfirmed, { orderId, customerId: '', total }, 'customerId'],
    [OrderRejected, { orderId, customerId, reasons: [] }, 'reasons'],
    [OrderPaid, { orderId, customerId, total }, 'paymentId'],
    [OrderExpired, { orderId, customerId, lines }, 'paymentDueAt'],
    [
      PaymentRefundRequired,
      { orderId, customerId, paymentId: 'pay-1', amount: total, orderStatus: 'PAID' },
      'orderStatus',
    ],
  ])('%# rejects a bad payload on %s', (contract, payload, field) => {
    expect(contract.payloadSchema.safeParse(payload).error?.issues[0]?.path[0]).toBe(field);
  });

  it('lets a total exceed the largest single price', () => {
    const bigTotal = { amountMinor: 50 * 1000 * 100_000_000, currency: 'EUR' };
    expect(OrderConfirmed.payloadSchema.safeParse({ orderId, customerId, total: bigTotal }).success).toBe(true);
  });
});

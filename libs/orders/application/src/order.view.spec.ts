import { OrderResponse } from '@harbor/contracts';
import { Order } from '@harbor/orders-domain';
import { toOrderPageView, toOrderView } from './order.view';

const order = Order.rehydrate({
  orderId: '00000000-0000-4000-8000-000000000001',
  customerId: 'alice',
  lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } }],
  status: 'PAID',
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-02T10:00:00.000Z',
  version: 3,
  paymentId: 'pay-secret',
});

describe('toOrderView', () => {
  it('shows exactly the allow-listed fields', () => {
    expect(toOrderView(order)).toEqual({
      orderId: '00000000-0000-4000-8000-000000000001',
      customerId: 'alice',
      status: 'PAID',
      lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } }],
      total: { amountMinor: 2500, currency: 'EUR' },
      createdAt: '2025-03-01T10:00:00.000Z',
    });
  });

  it('keeps internal fields out', () => {
    const view = toOrderView(order);
    expect(Object.keys(view).sort()).toEqual(Object.keys(OrderResponse.shape).sort());
    expect(JSON.stringify(view)).not.toContain('pay-secret');
  });
});

describe('toOrderPageView', () => {
  it('adds nextToken only when there is one', () => {
    expect(toOrderPageView({ items: [order] })).not.toHaveProperty('nextToken');
    expect(toOrderPageView({ items: [], nextToken: 't' })).toEqual({ items: [], nextToken: 't' });
  });
});

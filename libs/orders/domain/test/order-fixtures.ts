import type { OrderLineData } from '../src/order-line';
import { Order } from '../src/order.entity';
import { OrderStatus } from '../src/order-status';

export const ORDER_ID = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
export const CUSTOMER_ID = 'customer-1';
export const PLACED_AT = new Date('2025-03-01T10:00:00.000Z');
export const LATER = new Date('2025-03-01T10:05:00.000Z');
export const PAYMENT_DUE_AT = new Date('2025-03-01T10:15:00.000Z');

export function line(sku: string, quantity = 1, amountMinor = 1000, currency = 'EUR'): OrderLineData {
  return { sku, quantity, unitPrice: { amountMinor, currency } };
}

export function placeOrder(lines: readonly OrderLineData[] = [line('SKU-1', 2, 1250), line('SKU-2', 1, 500)]): Order {
  return Order.place({ id: ORDER_ID, customerId: CUSTOMER_ID, lines, now: PLACED_AT });
}

/** An order brought to `status` through its legal transitions, with the events of getting there drained. */
export function orderIn(status: OrderStatus): Order {
  const order = placeOrder();
  if (status === OrderStatus.Confirmed || status === OrderStatus.Paid || status === OrderStatus.Expired)
    order.confirm(PLACED_AT, PAYMENT_DUE_AT);
  if (status === OrderStatus.Paid) order.markPaid('pay-1', PLACED_AT);
  if (status === OrderStatus.Rejected) order.reject([{ sku: 'SKU-1', reason: 'out of stock' }], PLACED_AT);
  if (status === OrderStatus.Cancelled) order.cancel(PLACED_AT);
  if (status === OrderStatus.Expired) order.expire(PAYMENT_DUE_AT);
  order.pullEvents();
  return order;
}

import { OrderPlaced } from '@harbor/contracts';
import { CUSTOMER_ID, line, ORDER_ID, PLACED_AT, placeOrder } from '../test/order-fixtures';
import { Order } from './order.entity';
import type { OrderLineData } from './order-line';

const manyLines = (count: number) => Array.from({ length: count }, (_, index) => line(`SKU-${index}`));

function placeWith(lines: readonly OrderLineData[]): () => Order {
  return () => Order.place({ id: ORDER_ID, customerId: CUSTOMER_ID, lines, now: PLACED_AT });
}

describe('Order.place', () => {
  it('creates a pending order whose total is the sum of its lines', () => {
    const order = placeOrder([line('SKU-1', 2, 1250), line('SKU-2', 3, 500)]);
    expect(order.id.value).toBe(ORDER_ID);
    expect(order.customerId.value).toBe(CUSTOMER_ID);
    expect(order.status).toBe('PENDING');
    expect(order.total.toData()).toEqual({ amountMinor: 2 * 1250 + 3 * 500, currency: 'EUR' });
    expect(order.createdAt).toEqual(PLACED_AT);
    expect(order.updatedAt).toEqual(PLACED_AT);
    expect(order.version).toBe(0);
    expect(order.lines.map((orderLine) => orderLine.sku.value)).toEqual(['SKU-1', 'SKU-2']);
  });

  it('records OrderPlaced with a payload the contract accepts, once', () => {
    const order = placeOrder([line('SKU-1', 2, 1250)]);
    const events = order.pullEvents();
    expect(events).toEqual([
      {
        type: 'OrderPlaced',
        payload: {
          orderId: ORDER_ID,
          customerId: CUSTOMER_ID,
          lines: [line('SKU-1', 2, 1250)],
          total: { amountMinor: 2500, currency: 'EUR' },
        },
      },
    ]);
    expect(OrderPlaced.payloadSchema.safeParse(events[0]!.payload).success).toBe(true);
    expect(order.pullEvents()).toEqual([]);
  });

  it('copies its input date, so later changes to it do not leak in', () => {
    const now = new Date(PLACED_AT.getTime());
    const order = Order.place({ id: ORDER_ID, customerId: CUSTOMER_ID, lines: [line('AB')], now });
    now.setFullYear(2000);
    order.createdAt.setFullYear(1999);
    expect(order.createdAt).toEqual(PLACED_AT);
  });

  it('accepts the largest legal order without losing precision', () => {
    const order = placeOrder(Array.from({ length: 50 }, (_, index) => line(`SKU-${index}`, 1000, 100_000_000)));
    expect(order.total.amountMinor).toBe(50 * 1000 * 100_000_000);
  });

  it.each([
    ['no lines', [], 'ORDER.LINE_COUNT', 'lines'],
    ['51 lines', manyLines(51), 'ORDER.LINE_COUNT', 'lines'],
    [
      'quantity 0',
      [line('AB'), line('AC'), line('AD'), line('AE', 0)],
      'ORDER.QUANTITY_OUT_OF_RANGE',
      'lines[3].quantity',
    ],
    ['quantity 1001', [line('AB', 1001)], 'ORDER.QUANTITY_OUT_OF_RANGE', 'lines[0].quantity'],
    ['a fractional quantity', [line('AB', 1.5)], 'ORDER.QUANTITY_OUT_OF_RANGE', 'lines[0].quantity'],
    ['a repeated SKU', [line('AB'), line('AC'), line('AB')], 'ORDER.DUPLICATE_SKU', 'lines[2].sku'],
    [
      'two currencies',
      [line('AB', 1, 100, 'EUR'), line('AC', 1, 100, 'USD')],
      'ORDER.MIXED_CURRENCIES',
      'lines[1].unitPrice.currency',
    ],
    ['a malformed SKU', [line('AB'), line('not a sku')], 'ORDER.INVALID_SKU', 'lines[1].sku'],
    ['a negative price', [line('AB', 1, -1)], 'ORDER.INVALID_MONEY', 'lines[0].unitPrice.amountMinor'],
    ['a price above the limit', [line('AB', 1, 100_000_001)], 'ORDER.INVALID_MONEY', 'lines[0].unitPrice.amountMinor'],
    ['a malformed currency', [line('AB', 1, 100, 'eu')], 'ORDER.INVALID_MONEY', 'lines[0].unitPrice.currency'],
  ])('rejects %s with %s on %s', (_case, lines, code, field) => {
    expect(placeWith(lines)).toThrow(
      expect.objectContaining({ code, kind: 'unprocessable', details: expect.objectContaining({ field }) }),
    );
  });

  it('accepts exactly 1 and exactly 50 lines', () => {
    expect(placeWith(manyLines(1))().lines).toHaveLength(1);
    expect(placeWith(manyLines(50))().lines).toHaveLength(50);
  });

  it.each([
    ['orderId', { id: 'order-1' }, 'ORDER.INVALID_ORDER_ID'],
    ['customerId', { customerId: '' }, 'ORDER.INVALID_CUSTOMER_ID'],
  ])('rejects a bad %s', (field, change, code) => {
    const attempt = () =>
      Order.place({ id: ORDER_ID, customerId: CUSTOMER_ID, lines: [line('AB')], now: PLACED_AT, ...change });
    expect(attempt).toThrow(
      expect.objectContaining({ code, kind: 'invalid', details: expect.objectContaining({ field }) }),
    );
  });

  it('refuses an invalid clock reading loudly', () => {
    expect(() =>
      Order.place({ id: ORDER_ID, customerId: CUSTOMER_ID, lines: [line('AB')], now: new Date('nope') }),
    ).toThrow('now must be a valid Date');
  });

  it('keeps its lines unchangeable', () => {
    const order = placeOrder();
    expect(Object.isFrozen(order.lines)).toBe(true);
    expect(Object.isFrozen(order.lines[0])).toBe(true);
  });
});

describe('Order.closesOpenOrder', () => {
  const later = new Date(PLACED_AT.getTime() + 60_000);
  const loaded = (order: Order) => Order.rehydrate({ ...order.toSnapshot(), version: 1 });

  it('is false for an order placed and not stored yet, and for a move between open statuses', () => {
    const placed = placeOrder();
    expect(placed.closesOpenOrder).toBe(false);
    const stored = loaded(placed);
    stored.confirm(later);
    expect(stored.closesOpenOrder).toBe(false);
  });

  it('is true once an order loaded open is paid, rejected or cancelled', () => {
    const paid = loaded(placeOrder());
    paid.confirm(later);
    const confirmed = loaded(paid);
    confirmed.markPaid('pay-1', later);
    const cancelled = loaded(placeOrder());
    cancelled.cancel(later);
    const rejected = loaded(placeOrder());
    rejected.reject([{ sku: 'SKU-1', reason: 'OUT_OF_STOCK' }], later);
    expect([confirmed.closesOpenOrder, cancelled.closesOpenOrder, rejected.closesOpenOrder]).toEqual([
      true,
      true,
      true,
    ]);
    expect(loaded(confirmed).closesOpenOrder).toBe(false); // loaded closed: nothing more to count down
  });
});

import { InvalidNotification } from './errors';
import { isLargeOrder, LARGE_ORDER_MIN_TOTAL_MINOR } from './large-order';
import { Notification, NotificationKind } from './notification.entity';
import { orderStatusMessage } from './order-status-message';

const now = new Date('2025-03-01T10:00:05.000Z');
const source = {
  sourceEventId: 'a7c1e3f0-0000-4000-8000-000000000001',
  orderId: '0b8e2c44-1111-4000-8000-000000000002',
  occurredAt: new Date('2025-03-01T10:00:00.000Z'),
};

describe('Notification', () => {
  it('tells a customer their order is confirmed, with its total', () => {
    const snapshot = Notification.orderConfirmed(
      { ...source, customerId: 'alice', total: { amountMinor: 2500, currency: 'EUR' } },
      now,
    ).toSnapshot();
    expect(snapshot).toEqual({
      kind: NotificationKind.OrderConfirmed,
      ...source,
      customerId: 'alice',
      status: 'CONFIRMED',
      amount: { amountMinor: 2500, currency: 'EUR' },
      text: `Your order ${source.orderId} of 25.00 EUR is confirmed.`,
      recordedAt: now,
    });
  });

  it('records a large order’s status change, and refuses an order below the threshold', () => {
    const large = Notification.largeOrder(
      {
        ...source,
        customerId: 'alice',
        status: 'PENDING',
        total: { amountMinor: LARGE_ORDER_MIN_TOTAL_MINOR, currency: 'GBP' },
      },
      now,
    );
    expect(large.kind).toBe(NotificationKind.LargeOrder);
    expect(large.toSnapshot().text).toBe(`Large order ${source.orderId} of 1000.00 GBP is now PENDING.`);

    const small = () =>
      Notification.largeOrder(
        {
          ...source,
          customerId: 'alice',
          status: 'PENDING',
          total: { amountMinor: LARGE_ORDER_MIN_TOTAL_MINOR - 1, currency: 'GBP' },
        },
        now,
      );
    expect(small).toThrow(InvalidNotification);
    expect(small).toThrow('total.amountMinor');
  });

  it('records a failed payment without a customer (the provider does not name one)', () => {
    const snapshot = Notification.paymentFailed(
      { ...source, paymentId: 'pay_1', amount: { amountMinor: 999, currency: 'USD' } },
      now,
    ).toSnapshot();
    expect(snapshot).toMatchObject({
      kind: 'PAYMENT_FAILED',
      paymentId: 'pay_1',
      text: `Payment pay_1 of 9.99 USD for order ${source.orderId} failed.`,
    });
    expect(snapshot).not.toHaveProperty('customerId');
  });

  it.each([
    [
      'sourceEventId',
      () =>
        Notification.paymentFailed(
          { ...source, sourceEventId: '', paymentId: 'p', amount: { amountMinor: 1, currency: 'EUR' } },
          now,
        ),
    ],
    [
      'amount.currency',
      () => Notification.paymentFailed({ ...source, paymentId: 'p', amount: { amountMinor: 1, currency: 'eur' } }, now),
    ],
    [
      'total.amountMinor',
      () =>
        Notification.orderConfirmed({ ...source, customerId: 'c', total: { amountMinor: -1, currency: 'EUR' } }, now),
    ],
    [
      'customerId',
      () => Notification.orderConfirmed({ ...source, customerId: '', total: { amountMinor: 1, currency: 'EUR' } }, now),
    ],
    [
      'occurredAt',
      () =>
        Notification.orderConfirmed(
          { ...source, occurredAt: new Date('nope'), customerId: 'c', total: { amountMinor: 1, currency: 'EUR' } },
          now,
        ),
    ],
  ])('names the invalid field %s', (field, create) => {
    expect(create).toThrow(InvalidNotification);
    expect(create).toThrow(field);
  });
});

describe('large orders', () => {
  it.each([
    [99_999, false],
    [100_000, true],
    [5_000_000, true],
    [Number.NaN, false],
  ])('%d minor units is large: %s', (total, large) => {
    expect(isLargeOrder(total)).toBe(large);
  });
});

describe('orderStatusMessage', () => {
  it('carries only type, orderId and status', () => {
    const change = {
      orderId: source.orderId,
      status: 'CONFIRMED' as const,
      customerId: 'alice',
      total: { amountMinor: 1, currency: 'EUR' },
    };
    expect(JSON.stringify(orderStatusMessage(change))).toBe(
      `{"type":"order.status","orderId":"${source.orderId}","status":"CONFIRMED"}`,
    );
  });
});

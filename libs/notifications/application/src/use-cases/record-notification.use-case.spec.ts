import { InvalidNotification, NotificationKind } from '@harbor/notifications-domain';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { InMemoryNotifications } from '../testing/in-memory-notifications';
import { RecordNotification } from './record-notification.use-case';

const source = {
  sourceEventId: 'a7c1e3f0-0000-4000-8000-000000000001',
  orderId: '0b8e2c44-1111-4000-8000-000000000002',
  occurredAt: new Date('2025-03-01T09:59:00.000Z'),
};

describe('RecordNotification', () => {
  let store: InMemoryNotifications;
  let record: RecordNotification;
  beforeEach(() => {
    store = new InMemoryNotifications();
    record = new RecordNotification({ notifications: store, clock: new FixedClock('2025-03-01T10:00:00.000Z') });
  });

  it('records one notification per message: the same message again is a duplicate', async () => {
    const command = {
      ...source,
      kind: 'ORDER_CONFIRMED' as const,
      customerId: 'alice',
      total: { amountMinor: 2500, currency: 'EUR' },
    };

    expect((await record.execute(command)).outcome).toBe('recorded');
    expect((await record.execute(command)).outcome).toBe('duplicate');

    expect(store.allNotifications().map((notification) => notification.toSnapshot())).toEqual([
      expect.objectContaining({
        kind: NotificationKind.OrderConfirmed,
        sourceEventId: source.sourceEventId,
        recordedAt: new Date('2025-03-01T10:00:00.000Z'),
      }),
    ]);
  });

  it('records a large order and a failed payment from the same source separately', async () => {
    await record.execute({
      ...source,
      kind: 'LARGE_ORDER',
      customerId: 'alice',
      status: 'PENDING',
      total: { amountMinor: 100_000, currency: 'EUR' },
    });
    await record.execute({
      ...source,
      kind: 'PAYMENT_FAILED',
      paymentId: 'pay_1',
      amount: { amountMinor: 100_000, currency: 'EUR' },
    });

    expect(
      store
        .allNotifications()
        .map((notification) => notification.kind)
        .sort(),
    ).toEqual(['LARGE_ORDER', 'PAYMENT_FAILED']);
  });

  it('records nothing for a small order sent to the large-orders consumer', async () => {
    const small = record.execute({
      ...source,
      kind: 'LARGE_ORDER',
      customerId: 'alice',
      status: 'PENDING',
      total: { amountMinor: 99_999, currency: 'EUR' },
    });
    await expect(small).rejects.toBeInstanceOf(InvalidNotification);
    expect(store.allNotifications()).toEqual([]);
  });
});

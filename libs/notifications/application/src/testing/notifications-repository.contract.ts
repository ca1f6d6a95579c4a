import { CustomerConnection, Notification, NotificationKind } from '@harbor/notifications-domain';
import type { ConnectionRepository } from '../ports/connection.repository.port';
import type { NotificationRepository } from '../ports/notification.repository.port';
import type { PushLedger } from '../ports/push-ledger.port';

export interface NotificationsRepositoryHarness {
  readonly connections: ConnectionRepository;
  readonly notifications: NotificationRepository;
  readonly ledger: PushLedger;
}

// Far in the future on purpose: the tables declare a TTL on these records, and a past expiry lets DynamoDB Local's
// TTL sweep delete an item between a test's write and its read.
const NOW = new Date('2099-03-01T10:00:00.000Z');
const randomHex = () =>
  Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
const uuid = () =>
  `${randomHex()}-${randomHex().slice(0, 4)}-4${randomHex().slice(0, 3)}-8${randomHex().slice(0, 3)}-${randomHex()}${randomHex().slice(0, 4)}`;

/**
 * The behaviour the notifications ports must have, as a Jest suite: run it against the in-memory fake and the
 * Dynamoose adapters, so the fake never promises what production does not do. Ids are unique per test, so a
 * shared table needs no cleaning.
 */
export function describeNotificationsRepositoryContract(
  name: string,
  createHarness: () => Promise<NotificationsRepositoryHarness>,
): void {
  describe(`${name} honours the notifications repository contract`, () => {
    let harness: NotificationsRepositoryHarness;
    let customer: string;

    beforeEach(async () => {
      harness = await createHarness();
      customer = `customer-${randomHex()}`;
    });

    const ids = async (customerId: string) =>
      (await harness.connections.findByCustomer(customerId)).map((connection) => connection.connectionId);

    it('finds a customer’s connections, oldest first, with their dates, and only theirs', async () => {
      const first = CustomerConnection.open(`c1-${randomHex()}=`, customer, NOW);
      const second = CustomerConnection.open(`c2-${randomHex()}=`, customer, new Date(NOW.getTime() + 1000));
      await harness.connections.save(second);
      await harness.connections.save(first);
      await harness.connections.save(CustomerConnection.open(`other-${randomHex()}`, `${customer}-other`, NOW));

      const found = await harness.connections.findByCustomer(customer);

      expect(found.map((connection) => connection.toSnapshot())).toEqual([first.toSnapshot(), second.toSnapshot()]);
    });

    it('removes a connection, and removing it again is no error', async () => {
      const connection = CustomerConnection.open(`c-${randomHex()}`, customer, NOW);
      await harness.connections.save(connection);

      await harness.connections.remove(connection.connectionId);
      await expect(harness.connections.remove(connection.connectionId)).resolves.toBeUndefined();

      expect(await ids(customer)).toEqual([]);
    });

    it('records a notification once per kind and source: the same again is a duplicate that changes nothing', async () => {
      const source = { sourceEventId: uuid(), orderId: uuid(), occurredAt: NOW };
      const confirmed = Notification.orderConfirmed(
        { ...source, customerId: customer, total: { amountMinor: 150_000, currency: 'EUR' } },
        NOW,
      );
      const later = Notification.orderConfirmed(
        { ...source, customerId: customer, total: { amountMinor: 1, currency: 'EUR' } },
        new Date(NOW.getTime() + 5000),
      );
      const large = Notification.largeOrder(
        { ...source, customerId: customer, status: 'CONFIRMED', total: { amountMinor: 150_000, currency: 'EUR' } },
        NOW,
      );

      expect(await harness.notifications.record(confirmed)).toBe('recorded');
      expect(await harness.notifications.record(later)).toBe('duplicate');
      expect(await harness.notifications.record(large)).toBe('recorded');

      expect(
        (await harness.notifications.findBySource(NotificationKind.OrderConfirmed, source.sourceEventId))?.toSnapshot(),
      ).toEqual(confirmed.toSnapshot());
      expect(
        (await harness.notifications.findBySource(NotificationKind.LargeOrder, source.sourceEventId))?.toSnapshot(),
      ).toEqual(large.toSnapshot());
      expect(
        await harness.notifications.findBySource(NotificationKind.PaymentFailed, source.sourceEventId),
      ).toBeUndefined();
    });

    it('stores a payment notification, which has no customer, as it was', async () => {
      const failed = Notification.paymentFailed(
        {
          sourceEventId: uuid(),
          orderId: uuid(),
          occurredAt: NOW,
          paymentId: 'pay_"1"',
          amount: { amountMinor: 0, currency: 'JPY' },
        },
        NOW,
      );
      expect(await harness.notifications.record(failed)).toBe('recorded');
      expect(
        (await harness.notifications.findBySource(NotificationKind.PaymentFailed, failed.sourceEventId))?.toSnapshot(),
      ).toEqual(failed.toSnapshot());
    });

    it('lets one caller claim an event, and another once it is released', async () => {
      const eventId = uuid();
      expect(await harness.ledger.claim(eventId, NOW)).toBe(true);
      expect(await harness.ledger.claim(eventId, NOW)).toBe(false);
      await harness.ledger.release(eventId);
      expect(await harness.ledger.claim(eventId, NOW)).toBe(true);
    });

    it('grants exactly one of two simultaneous claims', async () => {
      const eventId = uuid();
      const granted = await Promise.all([harness.ledger.claim(eventId, NOW), harness.ledger.claim(eventId, NOW)]);
      expect(granted.filter(Boolean)).toHaveLength(1);
    });
  });
}

import { CustomerConnection } from '@harbor/notifications-domain';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { InMemoryNotifications } from '../testing/in-memory-notifications';
import { RecordingConnectionGateway } from '../testing/recording-connection-gateway';
import { PushOrderStatus, type PushOrderStatusCommand } from './push-order-status.use-case';

const ORDER_ID = '0b8e2c44-1111-4000-8000-000000000002';
const change = (overrides: Partial<PushOrderStatusCommand> = {}): PushOrderStatusCommand => ({
  eventId: 'a7c1e3f0-0000-4000-8000-000000000001',
  orderId: ORDER_ID,
  customerId: 'alice',
  status: 'CONFIRMED',
  ...overrides,
});

describe('PushOrderStatus', () => {
  let clock: FixedClock;
  let store: InMemoryNotifications;
  let gateway: RecordingConnectionGateway;
  let push: PushOrderStatus;

  beforeEach(async () => {
    clock = new FixedClock('2025-03-01T10:00:00.000Z');
    store = new InMemoryNotifications();
    gateway = new RecordingConnectionGateway();
    push = new PushOrderStatus({ connections: store, gateway, ledger: store, clock });
    await store.save(CustomerConnection.open('alice-phone', 'alice', clock.now()));
    await store.save(CustomerConnection.open('alice-laptop', 'alice', clock.now()));
    await store.save(CustomerConnection.open('bob-phone', 'bob', clock.now()));
  });

  it('sends {type, orderId, status} to every connection of the order’s customer, and to no one else', async () => {
    expect(await push.execute(change())).toEqual({ kind: 'pushed', delivered: 2, removedStale: 0 });

    expect(gateway.sent).toEqual([
      { connectionId: 'alice-laptop', message: { type: 'order.status', orderId: ORDER_ID, status: 'CONFIRMED' } },
      { connectionId: 'alice-phone', message: { type: 'order.status', orderId: ORDER_ID, status: 'CONFIRMED' } },
    ]);
  });

  it('pushes a redelivered event no second time', async () => {
    await push.execute(change());
    expect(await push.execute(change())).toEqual({ kind: 'duplicate' });
    expect(gateway.sent).toHaveLength(2);
  });

  it('removes a connection API Gateway reports gone and still serves the others', async () => {
    gateway.markGone('alice-phone');

    expect(await push.execute(change())).toEqual({ kind: 'pushed', delivered: 1, removedStale: 1 });

    expect(gateway.sent.map((sent) => sent.connectionId)).toEqual(['alice-laptop']);
    expect((await store.findByCustomer('alice')).map((connection) => connection.connectionId)).toEqual([
      'alice-laptop',
    ]);
  });

  it('skips connections past their lifetime (the TTL has not removed them yet)', async () => {
    clock.advanceBy(2 * 60 * 60 * 1000);
    await store.save(CustomerConnection.open('alice-new', 'alice', clock.now()));

    expect(await push.execute(change())).toEqual({ kind: 'pushed', delivered: 1, removedStale: 0 });
    expect(gateway.sent.map((sent) => sent.connectionId)).toEqual(['alice-new']);
  });

  it('gives the claim back when a post fails, so the redelivery pushes', async () => {
    gateway.failFor('alice-phone');
    await expect(push.execute(change())).rejects.toThrow('alice-phone');

    const retry = new PushOrderStatus({
      connections: store,
      gateway: new RecordingConnectionGateway(),
      ledger: store,
      clock,
    });
    expect(await retry.execute(change())).toEqual({ kind: 'pushed', delivered: 2, removedStale: 0 });
  });

  it('claims the event even when the customer has no connection (nothing to send later either)', async () => {
    expect(await push.execute(change({ customerId: 'carol' }))).toEqual({
      kind: 'pushed',
      delivered: 0,
      removedStale: 0,
    });
    expect(await push.execute(change({ customerId: 'carol' }))).toEqual({ kind: 'duplicate' });
  });
});

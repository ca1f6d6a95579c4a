import { CustomerConnection, InvalidConnection } from '@harbor/notifications-domain';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { InMemoryNotifications } from '../testing/in-memory-notifications';
import { CloseConnection } from './close-connection.use-case';
import { OpenConnection } from './open-connection.use-case';

describe('OpenConnection and CloseConnection', () => {
  const clock = new FixedClock('2025-03-01T10:00:00.000Z');
  let store: InMemoryNotifications;
  beforeEach(() => {
    store = new InMemoryNotifications();
  });

  it('stores the connection under its customer, expiring two hours after it opened', async () => {
    await new OpenConnection({ connections: store, clock }).execute({ connectionId: 'conn-1', customerId: 'alice' });

    const [stored] = await store.findByCustomer('alice');
    expect(stored?.toSnapshot()).toEqual({
      connectionId: 'conn-1',
      customerId: 'alice',
      connectedAt: new Date('2025-03-01T10:00:00.000Z'),
      expiresAt: new Date('2025-03-01T12:00:00.000Z'),
    });
  });

  it('stores nothing for an invalid customer', async () => {
    await expect(
      new OpenConnection({ connections: store, clock }).execute({ connectionId: 'conn-1', customerId: '' }),
    ).rejects.toBeInstanceOf(InvalidConnection);
    expect(await store.findByCustomer('')).toEqual([]);
  });

  it('forgets a closed connection and leaves the customer’s others', async () => {
    await store.save(CustomerConnection.open('conn-1', 'alice', clock.now()));
    await store.save(CustomerConnection.open('conn-2', 'alice', clock.now()));

    await new CloseConnection({ connections: store }).execute({ connectionId: 'conn-1' });
    await new CloseConnection({ connections: store }).execute({ connectionId: 'conn-1' });

    expect((await store.findByCustomer('alice')).map((connection) => connection.connectionId)).toEqual(['conn-2']);
  });
});

import { CONNECTION_LIFETIME_SECONDS, CustomerConnection } from './customer-connection.entity';
import { InvalidConnection } from './errors';

const now = new Date('2025-03-01T10:00:00.000Z');

describe('CustomerConnection', () => {
  it('opens for a customer and expires after API Gateway’s two-hour connection limit', () => {
    const connection = CustomerConnection.open('Zf3kAcNjoAMCJKg=', 'alice', now);

    expect(connection.toSnapshot()).toEqual({
      connectionId: 'Zf3kAcNjoAMCJKg=',
      customerId: 'alice',
      connectedAt: now,
      expiresAt: new Date('2025-03-01T12:00:00.000Z'),
    });
    expect(CONNECTION_LIFETIME_SECONDS).toBe(7200);
    expect(connection.hasExpired(new Date('2025-03-01T11:59:59.999Z'))).toBe(false);
    expect(connection.hasExpired(new Date('2025-03-01T12:00:00.000Z'))).toBe(true);
  });

  it.each([
    ['connectionId', '', 'alice'],
    ['connectionId', ' padded ', 'alice'],
    ['customerId', 'conn-1', ''],
    ['customerId', 'conn-1', 'x'.repeat(129)],
  ])('refuses an invalid %s', (field, connectionId, customerId) => {
    const opening = () => CustomerConnection.open(connectionId, customerId, now);
    expect(opening).toThrow(InvalidConnection);
    expect(opening).toThrow(field);
  });

  it('hands out copies, so a caller cannot move its dates', () => {
    const connection = CustomerConnection.open('conn-1', 'alice', now);
    connection.connectedAt.setFullYear(1999);
    connection.toSnapshot().expiresAt.setFullYear(1999);
    expect(connection.connectedAt).toEqual(now);
    expect(connection.expiresAt.getUTCFullYear()).toBe(2025);
  });
});

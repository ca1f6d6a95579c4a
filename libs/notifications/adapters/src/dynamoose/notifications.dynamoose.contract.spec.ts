import { describeNotificationsRepositoryContract } from '@harbor/notifications-application/testing';
import { CustomerConnection } from '@harbor/notifications-domain';
import { notificationsTableName, RawNotificationsTable } from '../../test/notifications-table';
import { DynamooseConnectionRepository } from './connection.dynamoose.repository';
import { DynamooseNotificationRepository } from './notification.dynamoose.repository';
import { DynamoosePushLedger } from './push-ledger.dynamoose';

const tableName = notificationsTableName();
const table = new RawNotificationsTable();
afterAll(() => table.destroy());

describeNotificationsRepositoryContract('Dynamoose notifications adapters on DynamoDB Local', async () => ({
  connections: new DynamooseConnectionRepository({ tableName }),
  notifications: new DynamooseNotificationRepository({ tableName }),
  ledger: new DynamoosePushLedger({ tableName }),
}));

describe('what the Dynamoose adapters store', () => {
  it('a connection with its TTL in epoch seconds (what DynamoDB expires on) and its byCustomer keys', async () => {
    const connectionId = `ttl-${Date.now()}=`;
    await new DynamooseConnectionRepository({ tableName }).save(
      CustomerConnection.open(connectionId, 'alice', new Date('2099-03-01T10:00:00.000Z')),
    );

    expect(await table.get(`CONNECTION#${connectionId}`, 'CONNECTION')).toEqual({
      pk: `CONNECTION#${connectionId}`,
      sk: 'CONNECTION',
      gsi1pk: 'CUSTOMER#alice',
      gsi1sk: `2099-03-01T10:00:00.000Z#${connectionId}`,
      connectionId,
      customerId: 'alice',
      connectedAt: '2099-03-01T10:00:00.000Z',
      expiresAt: Date.parse('2099-03-01T12:00:00.000Z') / 1000,
    });
  });

  it('a push claim that expires, so the table does not grow forever', async () => {
    const eventId = `event-${Date.now()}`;
    await new DynamoosePushLedger({ tableName }).claim(eventId, new Date('2099-03-01T10:00:00.000Z'));
    expect(await table.get(`PUSH#${eventId}`, 'PUSH')).toMatchObject({
      eventId,
      expiresAt: Date.parse('2099-03-15T10:00:00.000Z') / 1000,
    });
  });

  it('refuses to build without a table name', () => {
    expect(() => new DynamooseConnectionRepository({ tableName: '' })).toThrow('tableName');
  });
});

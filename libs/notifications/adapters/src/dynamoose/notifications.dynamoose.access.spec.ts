import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CustomerConnection, Notification } from '@harbor/notifications-domain';
import type { ResourceAccess } from '@harbor/platform-access';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { notificationsTableName } from '../../test/notifications-table';
import { DynamooseConnectionRepository } from './connection.dynamoose.repository';
import { dynamooseConnectionRepositoryAccess } from './connection.dynamoose.repository.access';
import { DynamooseNotificationRepository } from './notification.dynamoose.repository';
import { dynamooseNotificationRepositoryAccess } from './notification.dynamoose.repository.access';
import { DynamoosePushLedger } from './push-ledger.dynamoose';
import { dynamoosePushLedgerAccess } from './push-ledger.dynamoose.access';

// Every command each Dynamoose adapter sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const tableName = notificationsTableName();
const declared = (resources: readonly ResourceAccess[]) =>
  describeDeclaredAccess(resources, { tables: { notifications: tableName } });
const now = new Date('2099-03-01T10:00:00.000Z');

describe('DynamooseConnectionRepository sends exactly what dynamooseConnectionRepositoryAccess declares', () => {
  const connections = new DynamooseConnectionRepository({ tableName });
  const { methods } = dynamooseConnectionRepositoryAccess;

  it('save', async () => {
    await meter.measure(() => connections.save(CustomerConnection.open(`c-${randomUUID()}=`, 'alice', now)));
    expect(meter.accessed()).toEqual(declared(methods.save));
  });

  it('remove (stored and unknown)', async () => {
    const connectionId = `c-${randomUUID()}=`;
    await connections.save(CustomerConnection.open(connectionId, 'alice', now));
    await meter.measure(() => connections.remove(connectionId));
    await meter.measure(() => connections.remove(connectionId));
    expect(meter.accessed()).toEqual(declared(methods.remove));
  });

  it('findByCustomer', async () => {
    const customerId = `customer-${randomUUID()}`;
    await connections.save(CustomerConnection.open(`c-${randomUUID()}=`, customerId, now));
    await meter.measure(() => connections.findByCustomer(customerId));
    expect(meter.accessed()).toEqual(declared(methods.findByCustomer));
  });
});

describe('DynamooseNotificationRepository sends exactly what dynamooseNotificationRepositoryAccess declares', () => {
  const notifications = new DynamooseNotificationRepository({ tableName });
  const { methods } = dynamooseNotificationRepositoryAccess;
  const confirmed = () =>
    Notification.orderConfirmed(
      {
        sourceEventId: randomUUID(),
        orderId: randomUUID(),
        customerId: 'alice',
        total: { amountMinor: 1500, currency: 'EUR' },
        occurredAt: now,
      },
      now,
    );

  it('record (first delivery and a redelivery)', async () => {
    const notification = confirmed();
    await meter.measure(() => notifications.record(notification));
    await meter.measure(() => notifications.record(notification));
    expect(meter.accessed()).toEqual(declared(methods.record));
  });

  it('findBySource', async () => {
    const notification = confirmed();
    await notifications.record(notification);
    await meter.measure(() => notifications.findBySource(notification.kind, notification.sourceEventId));
    expect(meter.accessed()).toEqual(declared(methods.findBySource));
  });
});

describe('DynamoosePushLedger sends exactly what dynamoosePushLedgerAccess declares', () => {
  const ledger = new DynamoosePushLedger({ tableName });
  const { methods } = dynamoosePushLedgerAccess;

  it('claim (first and second claim)', async () => {
    const eventId = randomUUID();
    await meter.measure(() => ledger.claim(eventId, now));
    await meter.measure(() => ledger.claim(eventId, now));
    expect(meter.accessed()).toEqual(declared(methods.claim));
  });

  it('release', async () => {
    const eventId = randomUUID();
    await ledger.claim(eventId, now);
    await meter.measure(() => ledger.release(eventId));
    expect(meter.accessed()).toEqual(declared(methods.release));
  });
});

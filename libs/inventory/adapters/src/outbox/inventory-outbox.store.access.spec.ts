import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { inventoryTableName } from '../../test/inventory-table';
import { inventoryOutboxStore } from './inventory-outbox.store';
import { inventoryOutboxStoreAccess as access } from './inventory-outbox.store.access';
import { randomUUID } from 'node:crypto';

// Every command the store sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const store = inventoryOutboxStore(inventoryTableName());
const declared = (method: keyof typeof access.methods) =>
  describeDeclaredAccess(access.methods[method], { tables: { inventory: inventoryTableName() } });

describe('inventoryOutboxStore sends exactly what inventoryOutboxStoreAccess declares', () => {
  it('stateOf (a missing record)', async () => {
    await meter.measure(() => store.stateOf({ pk: `RESERVATION#${randomUUID()}`, sk: 'OUTBOX#0000000001#000' }));
    expect(meter.accessed()).toEqual(declared('stateOf'));
  });

  it('markPublished (a record that is not there is not created)', async () => {
    await meter.measure(() =>
      store.markPublished(
        { pk: `RESERVATION#${randomUUID()}`, sk: 'OUTBOX#0000000001#000' },
        new Date('2099-03-01T12:00:01.000Z'),
      ),
    );
    expect(meter.accessed()).toEqual(declared('markPublished'));
  });
});

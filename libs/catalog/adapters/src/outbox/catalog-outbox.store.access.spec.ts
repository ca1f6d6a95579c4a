import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { catalogTableName } from '../../test/catalog-table';
import { catalogOutboxStore } from './catalog-outbox.store';
import { catalogOutboxStoreAccess } from './catalog-outbox.store.access';

// Every command the store sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const now = new Date('2099-03-01T12:00:00.000Z');
const tables = () => ({ tables: { catalog: catalogTableName() } });

describe('catalogOutboxStore sends exactly what catalogOutboxStoreAccess declares', () => {
  const store = catalogOutboxStore(catalogTableName());
  const key = () => ({ pk: `PRODUCT#A-${randomUUID().slice(0, 8).toUpperCase()}`, sk: 'OUTBOX#0000000001#000' });

  it('stateOf and markPublished (of a missing record, which is not created)', async () => {
    await meter.measure(() => store.stateOf(key()));
    expect(meter.accessed()).toEqual(describeDeclaredAccess(catalogOutboxStoreAccess.methods.stateOf, tables()));
    await meter.measure(() => store.markPublished(key(), now));
    expect(meter.accessed()).toEqual(describeDeclaredAccess(catalogOutboxStoreAccess.methods.markPublished, tables()));
  });
});

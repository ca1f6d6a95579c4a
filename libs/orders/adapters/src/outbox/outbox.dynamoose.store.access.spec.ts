import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import { DynamooseOrderRepository } from '../dynamoose/order.dynamoose.repository';
import { DynamooseOutboxStore } from './outbox.dynamoose.store';
import { dynamooseOutboxStoreAccess as access } from './outbox.dynamoose.store.access';

// Every command the store sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
const table = new RawOrdersTable();
afterAll(() => (recorder.restore(), table.destroy()));

const store = new DynamooseOutboxStore({ tableName: ordersTableName() });
const declared = (method: keyof typeof access.methods) =>
  describeDeclaredAccess(access.methods[method], { tables: { orders: ordersTableName() } });

async function storedOutboxKey() {
  const { order, outbox } = placeOrder(newCustomerId());
  await new DynamooseOrderRepository({ tableName: ordersTableName() }).create(order, outbox, { maxOpenOrders: 1_000 });
  const [record] = await table.outboxItems(order.id.value);
  return { pk: String(record!['pk']), sk: String(record!['sk']) };
}

describe('DynamooseOutboxStore sends exactly what dynamooseOutboxStoreAccess declares', () => {
  it('stateOf (pending and missing records)', async () => {
    const key = await storedOutboxKey();
    await meter.measure(() => store.stateOf(key));
    await meter.measure(() => store.stateOf({ ...key, sk: `${key.sk}-missing` }));
    expect(meter.accessed()).toEqual(declared('stateOf'));
  });

  it('markPublished (first mark, and a second one refused)', async () => {
    const key = await storedOutboxKey();
    await meter.measure(() => store.markPublished(key, new Date('2099-03-01T12:00:01.000Z')));
    await meter.measure(() => store.markPublished(key, new Date('2099-03-01T12:00:02.000Z')));
    expect(meter.accessed()).toEqual(declared('markPublished'));
  });
});

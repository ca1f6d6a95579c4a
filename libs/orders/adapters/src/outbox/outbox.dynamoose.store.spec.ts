import * as dynamoose from 'dynamoose';
import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import { DynamooseOrderRepository } from '../dynamoose/order.dynamoose.repository';
import { DynamooseOutboxStore } from './outbox.dynamoose.store';

const table = new RawOrdersTable();
const repository = new DynamooseOrderRepository({ tableName: ordersTableName() });
const store = new DynamooseOutboxStore({ tableName: ordersTableName() });

afterEach(() => jest.restoreAllMocks());
afterAll(() => table.destroy());

async function storedOutboxRecord() {
  const { order, outbox } = placeOrder(newCustomerId());
  await repository.create(order, outbox, { maxOpenOrders: 1_000 });
  const [record] = await table.outboxItems(order.id.value);
  if (!record) throw new Error('the order was stored without its outbox record');
  return { key: { pk: String(record['pk']), sk: String(record['sk']) }, record };
}

describe('DynamooseOutboxStore', () => {
  it('sees a new record as pending, marks it with publishedAt and leaves the rest of it as it was', async () => {
    const { key, record } = await storedOutboxRecord();
    expect(await store.stateOf(key)).toBe('pending');

    expect(await store.markPublished(key, new Date('2099-03-01T12:00:01.000Z'))).toBe('marked');

    expect(await store.stateOf(key)).toBe('published');
    expect(await table.get(key.pk, key.sk)).toEqual({ ...record, publishedAt: '2099-03-01T12:00:01.000Z' });
  });

  it('marks a record once: a second mark changes nothing and says so', async () => {
    const { key } = await storedOutboxRecord();
    await store.markPublished(key, new Date('2099-03-01T12:00:01.000Z'));

    expect(await store.markPublished(key, new Date('2099-03-01T12:05:00.000Z'))).toBe('not-marked');

    expect((await table.get(key.pk, key.sk))?.['publishedAt']).toBe('2099-03-01T12:00:01.000Z');
  });

  it('writes the mark with a condition, in a single UpdateItem', async () => {
    const { key } = await storedOutboxRecord();
    const updateItem = jest.spyOn(dynamoose.aws.ddb(), 'updateItem');
    await store.markPublished(key, new Date('2099-03-01T12:00:01.000Z'));
    expect(updateItem).toHaveBeenCalledTimes(1);
    expect(updateItem.mock.calls[0]![0].ConditionExpression).toMatch(/attribute_exists.*AND.*attribute_not_exists/);
  });

  it('never creates a record it is asked to mark', async () => {
    const key = { pk: 'ORDER#00000000-0000-4000-8000-00000000dead', sk: 'OUTBOX#0000000001#000' };
    expect(await store.stateOf(key)).toBe('missing');
    expect(await store.markPublished(key, new Date())).toBe('not-marked');
    expect(await table.get(key.pk, key.sk)).toBeUndefined();
  });
});

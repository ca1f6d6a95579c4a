import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toEventEnvelopes } from '@harbor/orders-application';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { CustomerId } from '@harbor/orders-domain';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName } from '../../test/orders-table';
import { CryptoIdGenerator } from '../system/crypto.id-generator';
import { DynamooseOrderRepository } from './order.dynamoose.repository';
import { dynamooseOrderRepositoryAccess as access } from './order.dynamoose.repository.access';

/** An open-order limit these tests never reach. */
const ROOMY = { maxOpenOrders: 1_000 };

// Every command the repository sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const now = new Date('2099-03-01T12:00:00.000Z');
const repository = new DynamooseOrderRepository({
  tableName: ordersTableName(),
  clock: new FixedClock(now.toISOString()),
});
const declared = (method: keyof typeof access.methods) =>
  describeDeclaredAccess(access.methods[method], { tables: { orders: ordersTableName() } });
const refused = () => undefined;

describe('DynamooseOrderRepository sends exactly what dynamooseOrderRepositoryAccess declares', () => {
  it('create (a new order, and one that exists)', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await meter.measure(() => repository.create(order, outbox, ROOMY));
    await meter.measure(() => repository.create(order, outbox, ROOMY).catch(refused));
    expect(meter.accessed()).toEqual(declared('create'));
  });

  it('findById (stored and missing)', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    await meter.measure(() => repository.findById(order.id));
    await meter.measure(() => repository.findById(placeOrder(newCustomerId()).order.id));
    expect(meter.accessed()).toEqual(declared('findById'));
  });

  it('listByCustomer (first page and the next)', async () => {
    const customerId = newCustomerId();
    for (let n = 0; n < 3; n += 1) {
      const { order, outbox } = placeOrder(customerId);
      await repository.create(order, outbox, ROOMY);
    }
    const first = await meter.measure(() => repository.listByCustomer(CustomerId.create(customerId), { limit: 2 }));
    await meter.measure(() =>
      repository.listByCustomer(CustomerId.create(customerId), { limit: 2, cursor: first.nextCursor! }),
    );
    expect(meter.accessed()).toEqual(declared('listByCustomer'));
  });

  it('save (current version, and a stale one)', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const loaded = (await repository.findById(order.id))!;
    loaded.cancel(now);
    const events = toEventEnvelopes(loaded.pullEvents(), {
      idGenerator: new CryptoIdGenerator(),
      occurredAt: now,
      correlationId: 'access-test',
    });
    await meter.measure(() => repository.save(loaded, events));
    await meter.measure(() => repository.save(loaded, events).catch(refused));
    expect(meter.accessed()).toEqual(declared('save'));
  });
});

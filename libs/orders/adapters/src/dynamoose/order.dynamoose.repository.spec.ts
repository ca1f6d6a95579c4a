import {
  ConcurrentOrderModification,
  InvalidPageCursor,
  OrderAlreadyExists,
  toEventEnvelopes,
} from '@harbor/orders-application';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { CustomerId, Order } from '@harbor/orders-domain';
import * as dynamoose from 'dynamoose';
import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import { CryptoIdGenerator } from '../system/crypto.id-generator';
import { DynamooseOrderRepository } from './order.dynamoose.repository';

/** An open-order limit these tests never reach. */
const ROOMY = { maxOpenOrders: 1_000 };

const table = new RawOrdersTable();
const clock = new FixedClock('2099-03-01T12:00:00.000Z');
const repository = new DynamooseOrderRepository({ tableName: ordersTableName(), clock });
const SEVEN_DAYS_S = 7 * 24 * 60 * 60;

afterEach(() => jest.restoreAllMocks());
afterAll(() => table.destroy());

async function load(order: Order): Promise<Order> {
  const loaded = await repository.findById(order.id);
  if (!loaded) throw new Error(`order ${order.id.value} is not stored`);
  return loaded;
}

function cancel(order: Order, now: Date) {
  order.cancel(now);
  return toEventEnvelopes(order.pullEvents(), {
    idGenerator: new CryptoIdGenerator(),
    occurredAt: now,
    correlationId: 'adapter-test',
  });
}

describe('DynamooseOrderRepository: what it stores', () => {
  it('writes the order and its outbox record in one transaction, keyed for lookup by id and by customer', async () => {
    const customerId = newCustomerId();
    const { order, outbox } = placeOrder(customerId);
    const ddb = dynamoose.aws.ddb();
    const transactWrite = jest.spyOn(ddb, 'transactWriteItems');
    const putItem = jest.spyOn(ddb, 'putItem');

    await repository.create(order, outbox, ROOMY);

    expect(transactWrite).toHaveBeenCalledTimes(1);
    // The order, its customer's open-order count, its outbox record.
    expect(transactWrite.mock.calls[0]![0].TransactItems).toHaveLength(3);
    expect(putItem).not.toHaveBeenCalled();
    const orderId = order.id.value;
    expect(await table.partition(orderId)).toEqual([
      {
        pk: `ORDER#${orderId}`,
        sk: 'ORDER',
        gsi1pk: `CUSTOMER#${customerId}`,
        gsi1sk: `2099-03-01T12:00:00.000Z#${orderId}`,
        orderId,
        customerId,
        status: 'PENDING',
        lines: [
          { sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } },
          { sku: 'SKU-2', quantity: 1, unitPrice: { amountMinor: 99, currency: 'EUR' } },
        ],
        createdAt: '2099-03-01T12:00:00.000Z',
        updatedAt: '2099-03-01T12:00:00.000Z',
        version: 1,
      },
      {
        pk: `ORDER#${orderId}`,
        sk: 'OUTBOX#0000000001#000',
        eventId: outbox[0]!.eventId,
        eventType: 'OrderPlaced',
        envelope: JSON.stringify(outbox[0]),
        correlationId: 'adapter-test',
        // Epoch seconds, as DynamoDB's TTL needs, a week after the write.
        expiresAt: Date.parse('2099-03-01T12:00:00.000Z') / 1000 + SEVEN_DAYS_S,
      },
    ]);
    expect(await table.get(`CUSTOMER#${customerId}`, 'OPEN_ORDERS')).toEqual({
      pk: `CUSTOMER#${customerId}`,
      sk: 'OPEN_ORDERS',
      open: 1,
    });
  });

  it('saves the next version in place and appends the new outbox record after the earlier ones', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const loaded = await load(order);
    const cancelledAt = new Date('2099-03-01T13:00:00.000Z');
    const cancelOutbox = cancel(loaded, cancelledAt);

    await repository.save(loaded, cancelOutbox);

    const items = await table.partition(order.id.value);
    expect(items.map((item) => item['sk'])).toEqual(['ORDER', 'OUTBOX#0000000001#000', 'OUTBOX#0000000002#000']);
    expect(items[0]).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      updatedAt: cancelledAt.toISOString(),
      createdAt: '2099-03-01T12:00:00.000Z',
    });
    expect(JSON.parse(String(items[2]!['envelope']))).toEqual(cancelOutbox[0]);
  });

  it('keeps the payment deadline and the late payments of an expired order', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const at = new Date('2099-03-01T12:30:00.000Z');
    const expired = await load(order);
    expired.confirm(at, new Date('2099-03-01T12:45:00.000Z'));
    expired.expire(at);
    expired.recordLatePayment('pay-late', { amountMinor: 2599, currency: 'EUR' }, at);
    const events = toEventEnvelopes(expired.pullEvents(), {
      idGenerator: new CryptoIdGenerator(),
      occurredAt: at,
      correlationId: 'adapter-test',
    });

    await repository.save(expired, events);

    const [item] = await table.partition(order.id.value);
    expect(item).toMatchObject({
      status: 'EXPIRED',
      paymentDueAt: '2099-03-01T12:45:00.000Z',
      latePaymentIds: ['pay-late'],
    });
    expect((await load(order)).toSnapshot()).toEqual({ ...expired.toSnapshot(), version: 2 });
  });

  it('finds a stored order exactly as it was saved', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    expect((await load(order)).toSnapshot()).toEqual({ ...order.toSnapshot(), version: 1 });
  });
});

describe('DynamooseOrderRepository: refused writes change nothing', () => {
  it('a second create of the same id → OrderAlreadyExists, every stored item as it was', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const before = await table.partition(order.id.value);
    const twin = placeOrder(newCustomerId());
    const sameId = Order.rehydrate({ ...twin.order.toSnapshot(), orderId: order.id.value });

    const error: unknown = await repository.create(sameId, twin.outbox, ROOMY).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OrderAlreadyExists);
    expect((error as Error).cause).toMatchObject({ name: 'TransactionCanceledException' });
    expect(await table.partition(order.id.value)).toEqual(before);
  });

  it('a save on a stale version → ConcurrentOrderModification, every stored item as it was', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const first = await load(order);
    const stale = await load(order);
    first.confirm(new Date('2099-03-01T12:30:00.000Z'));
    await repository.save(first, []);
    const before = await table.partition(order.id.value);

    const error: unknown = await repository
      .save(stale, cancel(stale, new Date('2099-03-01T13:00:00.000Z')))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConcurrentOrderModification);
    expect((error as ConcurrentOrderModification).details).toEqual({ orderId: order.id.value, expectedVersion: 1 });
    expect(await table.partition(order.id.value)).toEqual(before);
  });

  it('an outbox record that fails its own condition is not mistaken for a conflict on the order', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    await repository.create(order, outbox, ROOMY);
    const loaded = await load(order);
    // A record already sits where the next write's first outbox record would go: only that item's condition fails.
    await table.put({ pk: `ORDER#${order.id.value}`, sk: 'OUTBOX#0000000002#000', note: 'in the way' });
    const before = await table.partition(order.id.value);

    const error: unknown = await repository
      .save(loaded, cancel(loaded, new Date('2099-03-01T13:00:00.000Z')))
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'TransactionCanceledException' });
    expect(
      (error as { CancellationReasons: { Code: string }[] }).CancellationReasons.map((reason) => reason.Code),
    ).toEqual(['None', 'None', 'ConditionalCheckFailed']);
    expect(await table.partition(order.id.value)).toEqual(before);
  });

  it('an event with no registered contract is refused before anything is sent', async () => {
    const { order, outbox } = placeOrder(newCustomerId());
    const transactWrite = jest.spyOn(dynamoose.aws.ddb(), 'transactWriteItems');
    const unknownEvent = { ...outbox[0]!, eventType: 'OrderShipped' };

    await expect(repository.create(order, [unknownEvent], ROOMY)).rejects.toMatchObject({ name: 'ValidationError' });

    expect(transactWrite).not.toHaveBeenCalled();
    expect(await table.partition(order.id.value)).toEqual([]);
  });
});

describe('DynamooseOrderRepository: listing a customer’s orders', () => {
  async function listAll(customerId: string, limit: number): Promise<{ pages: string[][]; cursors: number }> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    let cursors = 0;
    do {
      const page = await repository.listByCustomer(CustomerId.create(customerId), {
        limit,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(page.items.map((order) => order.id.value));
      cursor = page.nextCursor;
      if (cursor) cursors += 1;
    } while (cursor && pages.length < 20);
    return { pages, cursors };
  }

  it('pages newest first, orders placed at the same instant by id descending, each exactly once', async () => {
    const customerId = newCustomerId();
    const times = [
      '2099-03-01T10:00:00.000Z',
      '2099-03-03T10:00:00.000Z',
      '2099-03-02T10:00:00.000Z',
      '2099-03-03T10:00:00.000Z',
      '2099-03-02T10:00:00.000Z',
    ];
    const orders = times.map((time) => placeOrder(customerId, new Date(time)).order);
    for (const order of orders) await repository.create(order, [], ROOMY);
    await repository.create(placeOrder(newCustomerId(), new Date('2099-03-04T10:00:00.000Z')).order, [], ROOMY);

    const { pages } = await listAll(customerId, 2);

    const key = (order: Order) => `${order.createdAt.toISOString()}#${order.id.value}`;
    const expected = [...orders].sort((a, b) => (key(a) < key(b) ? 1 : -1)).map((order) => order.id.value);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(expected);
  });

  it('may hand out a cursor to an empty last page when the orders fill the pages exactly', async () => {
    const customerId = newCustomerId();
    for (const minute of [1, 2])
      await repository.create(placeOrder(customerId, new Date(Date.UTC(2025, 2, 1, 0, minute))).order, [], ROOMY);
    const { pages, cursors } = await listAll(customerId, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 0]);
    expect(cursors).toBe(1);
  });

  it('returns an empty page and no cursor for a customer without orders', async () => {
    expect(await repository.listByCustomer(CustomerId.create(newCustomerId()), { limit: 5 })).toEqual({ items: [] });
  });

  describe('with a cursor it issued, then altered', () => {
    let customerId: string;
    let cursor: string;

    beforeAll(async () => {
      customerId = newCustomerId();
      for (const minute of [1, 2, 3])
        await repository.create(placeOrder(customerId, new Date(Date.UTC(2025, 2, 1, 0, minute))).order, [], ROOMY);
      cursor = (await repository.listByCustomer(CustomerId.create(customerId), { limit: 1 })).nextCursor!;
    });

    const reencoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const decoded = () => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];

    it.each([
      ['a character changed', () => `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`],
      ['cut short', () => cursor.slice(0, -4)],
      ['padded base64', () => `${Buffer.from(Buffer.from(cursor, 'base64url')).toString('base64')}==`],
      ['an id that is not a UUID', () => reencoded([decoded()[0], 'ORDER#x'])],
      ['a time that is not an ISO instant', () => reencoded(['2099-03-01 00:02', decoded()[1]])],
      ['a time that does not exist', () => reencoded(['2099-02-30T00:00:00.000Z', decoded()[1]])],
      ['a full DynamoDB key instead', () => reencoded({ pk: `ORDER#${decoded()[1]}`, sk: 'ORDER' })],
      ['extra fields', () => reencoded([...decoded(), 'more'])],
    ])('rejects it %s as InvalidPageCursor', async (_, tamper) => {
      await expect(
        repository.listByCustomer(CustomerId.create(customerId), { limit: 1, cursor: tamper() }),
      ).rejects.toBeInstanceOf(InvalidPageCursor);
    });

    it('accepts it untouched and continues after the first page', async () => {
      const page = await repository.listByCustomer(CustomerId.create(customerId), { limit: 5, cursor });
      expect(page.items).toHaveLength(2);
    });

    it('shows another customer only their own orders, even with this cursor', async () => {
      const other = newCustomerId();
      const theirs = placeOrder(other, new Date(Date.UTC(2025, 1, 1))).order;
      await repository.create(theirs, [], ROOMY);
      const page = await repository.listByCustomer(CustomerId.create(other), { limit: 5, cursor });
      expect(page.items.map((order) => order.customerId.value)).toEqual([other]);
    });
  });
});

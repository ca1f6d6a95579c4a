import type { EventEnvelope } from '@harbor/contracts';
import { type EventPublisher } from '@harbor/orders-application';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { RecordingEventPublisher } from '@harbor/orders-application/testing';
import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import { streamRecordOf } from '../../test/outbox-stream';
import { DynamooseOrderRepository } from '../dynamoose/order.dynamoose.repository';
import { EventsNotPublished, EventTooLargeToPublish, OutboxRelay, type OutboxStore } from '@harbor/platform-outbox';
import { DynamooseOutboxStore } from './outbox.dynamoose.store';

const table = new RawOrdersTable();
const repository = new DynamooseOrderRepository({ tableName: ordersTableName() });
const store = new DynamooseOutboxStore({ tableName: ordersTableName() });
const clock = new FixedClock('2099-03-01T12:00:02.000Z');

afterAll(() => table.destroy());

/** EventBridge as the publisher reports it: accepts every event except the refused ones. */
class RefusingPublisher implements EventPublisher {
  readonly published: EventEnvelope[] = [];
  constructor(private readonly refuse: (envelope: EventEnvelope) => string | undefined) {}

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const refused = events.flatMap((event) => {
      const errorCode = this.refuse(event);
      return errorCode ? [{ eventId: event.eventId, errorCode }] : [];
    });
    this.published.push(...events.filter((event) => !refused.some((failure) => failure.eventId === event.eventId)));
    if (refused.length > 0) throw new EventsNotPublished(refused);
  }
}

/** Places an order; answers the stream record of its outbox insert (and of the order item, which is not relayed). */
async function placedOrder() {
  const { order, outbox } = placeOrder(newCustomerId());
  await repository.create(order, outbox, { maxOpenOrders: 1_000 });
  const items = await table.partition(order.id.value);
  const outboxItem = items.find((item) => String(item['sk']).startsWith('OUTBOX#'))!;
  const orderItem = items.find((item) => item['sk'] === 'ORDER')!;
  return {
    envelope: outbox[0]!,
    outboxItem,
    record: streamRecordOf(outboxItem),
    orderRecord: streamRecordOf(orderItem),
  };
}

const publishedAtOf = async (item: Record<string, unknown>) =>
  (await table.get(String(item['pk']), String(item['sk'])))?.['publishedAt'];

describe('OutboxRelay', () => {
  it('publishes the envelope of each inserted outbox record, then marks it published', async () => {
    const first = await placedOrder();
    const second = await placedOrder();
    const publisher = new RecordingEventPublisher();

    const result = await new OutboxRelay({ store, publisher, clock }).relay([
      first.orderRecord,
      first.record,
      second.record,
    ]);

    expect(publisher.published).toEqual([first.envelope, second.envelope]);
    expect(result).toEqual({
      published: [first.envelope.eventId, second.envelope.eventId],
      skipped: [],
      ignored: 1,
      failures: [],
      unmarked: [],
    });
    expect(await publishedAtOf(first.outboxItem)).toBe('2099-03-01T12:00:02.000Z');
    expect(await publishedAtOf(second.outboxItem)).toBe('2099-03-01T12:00:02.000Z');
  });

  it('never publishes a record twice: a batch given again is skipped, record by record', async () => {
    const { envelope, record } = await placedOrder();
    const publisher = new RecordingEventPublisher();
    const relay = new OutboxRelay({ store, publisher, clock });
    await relay.relay([record]);

    const again = await relay.relay([record]);

    expect(publisher.published).toEqual([envelope]);
    expect(again).toMatchObject({
      published: [],
      skipped: [{ eventId: envelope.eventId, state: 'published' }],
      failures: [],
    });
  });

  it('reports only the records EventBridge refused, leaves them unmarked, and publishes them on the retry', async () => {
    const accepted = await placedOrder();
    const refused = await placedOrder();
    let refusing = true;
    const publisher = new RefusingPublisher((event) =>
      refusing && event.eventId === refused.envelope.eventId ? 'InternalFailure' : undefined,
    );
    const relay = new OutboxRelay({ store, publisher, clock });

    const result = await relay.relay([accepted.record, refused.record]);

    expect(result.published).toEqual([accepted.envelope.eventId]);
    expect(result.failures).toEqual([
      {
        sequenceNumber: refused.record.dynamodb!.SequenceNumber,
        eventId: refused.envelope.eventId,
        reason: 'EventBridge refused it: InternalFailure',
      },
    ]);
    expect(await publishedAtOf(accepted.outboxItem)).toBeDefined();
    expect(await publishedAtOf(refused.outboxItem)).toBeUndefined();

    // The stream retries from the failed record on; the accepted one is not sent again.
    refusing = false;
    const retry = await relay.relay([accepted.record, refused.record]);
    expect(retry).toMatchObject({
      published: [refused.envelope.eventId],
      skipped: [{ eventId: accepted.envelope.eventId, state: 'published' }],
      failures: [],
    });
    expect(publisher.published.map((event) => event.eventId)).toEqual([
      accepted.envelope.eventId,
      refused.envelope.eventId,
    ]);
  });

  it('fails every pending record when the bus cannot be reached, and marks none', async () => {
    const first = await placedOrder();
    const second = await placedOrder();
    const publisher = new RecordingEventPublisher();
    publisher.failNextPublishWith(new Error('connect ECONNREFUSED'));

    const result = await new OutboxRelay({ store, publisher, clock }).relay([first.record, second.record]);

    expect(result.failures.map((failure) => failure.sequenceNumber)).toEqual([
      first.record.dynamodb!.SequenceNumber,
      second.record.dynamodb!.SequenceNumber,
    ]);
    expect(result.failures[0]!.reason).toBe('publishing failed: Error: connect ECONNREFUSED');
    expect(await publishedAtOf(first.outboxItem)).toBeUndefined();
  });

  it('sets aside an event too large to publish and still publishes the others', async () => {
    const small = await placedOrder();
    const large = await placedOrder();
    const publisher = new RecordingEventPublisher();
    const sizeAware: EventPublisher = {
      publish: async (events) => {
        if (events.some((event) => event.eventId === large.envelope.eventId))
          throw new EventTooLargeToPublish(large.envelope.eventId, 300_000, 262_144);
        await publisher.publish(events);
      },
    };

    const result = await new OutboxRelay({ store, publisher: sizeAware, clock }).relay([large.record, small.record]);

    expect(publisher.published).toEqual([small.envelope]);
    expect(result.failures).toEqual([
      expect.objectContaining({
        eventId: large.envelope.eventId,
        reason: expect.stringContaining('EventTooLargeToPublish'),
      }),
    ]);
  });

  it('reports a record whose envelope cannot be read, and relays the rest of the batch', async () => {
    const good = await placedOrder();
    const poison = streamRecordOf({
      ...good.outboxItem,
      sk: 'OUTBOX#0000000009#000',
      envelope: '{"eventType":"OrderShipped"}',
    });
    const publisher = new RecordingEventPublisher();

    const result = await new OutboxRelay({ store, publisher, clock }).relay([poison, good.record]);

    expect(publisher.published).toEqual([good.envelope]);
    expect(result.failures).toEqual([
      {
        sequenceNumber: poison.dynamodb!.SequenceNumber,
        reason: expect.stringMatching(/^Outbox stream record \d+ cannot be relayed: its envelope is not a valid event/),
      },
    ]);
  });

  it('ignores what is not an outbox insert: order items, the MODIFY of its own mark, the REMOVE of an expired record', async () => {
    const { outboxItem, orderRecord } = await placedOrder();
    const publisher = new RecordingEventPublisher();
    const records = [
      orderRecord,
      streamRecordOf({ ...outboxItem, publishedAt: '2099-03-01T12:00:02.000Z' }, 'MODIFY'),
      streamRecordOf(outboxItem, 'REMOVE'),
    ];

    const result = await new OutboxRelay({ store, publisher, clock }).relay(records);

    expect(result).toEqual({ published: [], skipped: [], ignored: 3, failures: [], unmarked: [] });
    expect(publisher.published).toEqual([]);
  });

  it('does not retry an event whose mark failed after EventBridge accepted it (that would publish it twice)', async () => {
    const { envelope, record } = await placedOrder();
    const publisher = new RecordingEventPublisher();
    const failingMarks: OutboxStore = {
      stateOf: (key) => store.stateOf(key),
      markPublished: async () => Promise.reject(new Error('throttled')),
    };

    const result = await new OutboxRelay({ store: failingMarks, publisher, clock }).relay([record]);

    expect(result).toMatchObject({
      published: [envelope.eventId],
      failures: [],
      unmarked: [{ eventId: envelope.eventId, reason: 'Error: throttled' }],
    });
  });

  it('skips a record that is no longer in the table', async () => {
    const { envelope, outboxItem } = await placedOrder();
    const gone = streamRecordOf({ ...outboxItem, sk: 'OUTBOX#0000000042#000' });
    const publisher = new RecordingEventPublisher();

    const result = await new OutboxRelay({ store, publisher, clock }).relay([gone]);

    expect(result.skipped).toEqual([{ eventId: envelope.eventId, state: 'missing' }]);
    expect(publisher.published).toEqual([]);
  });
});

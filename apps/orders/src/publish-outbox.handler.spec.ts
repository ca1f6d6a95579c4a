import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient, type PublishCommandInput } from '@aws-sdk/client-sns';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoDbStreamEvent, dynamoDbStreamRecord, lambdaContext } from '@harbor/platform-lambda/testing';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { newCustomer, placeOrderAs } from '../test/requests';
import { handler as placeOrder } from './place-order.handler';
import { handler as publishOutbox } from './publish-outbox.handler';

const eventBridge = mockClient(EventBridgeClient);
const sns = mockClient(SNSClient);
const STATUS_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status';
let tables: OrdersTables;
let sequence = 500_000_000_000_000_000_000n;

beforeAll(async () => {
  tables = await freshOrdersTables();
  process.env.EVENT_BUS_NAME = 'harbor-test-events';
  process.env.ORDER_STATUS_TOPIC_ARN = STATUS_TOPIC;
});
afterAll(() => tables.close());
beforeEach(() => {
  eventBridge.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
});

type Item = Record<string, SdkAttributeValue>;

/**
 * Places an order through its handler; answers one of its stored outbox items (OrderPlaced unless told) and its
 * INSERT as the stream delivers it.
 */
async function placedOrder(
  eventType = 'OrderPlaced',
): Promise<{ orderId: string; item: Item; record: DynamoDBRecord }> {
  const { orderId } = await placeOrderAs(placeOrder, newCustomer());
  const item = (await tables.ordersItems()).find(
    (stored) =>
      stored['pk']?.S === `ORDER#${orderId}` &&
      stored['sk']?.S?.startsWith('OUTBOX#') &&
      stored['eventType']?.S === eventType,
  );
  if (!item) throw new Error(`order ${orderId} has no ${eventType} outbox record`);
  const image = item as Record<string, AttributeValue>;
  return {
    orderId,
    item,
    record: dynamoDbStreamRecord({
      keys: { pk: image['pk']!, sk: image['sk']! },
      newImage: image,
      sequenceNumber: String(sequence++),
    }),
  };
}

const relay = (records: DynamoDBRecord[]) =>
  publishOutbox(
    dynamoDbStreamEvent(records),
    lambdaContext('harbor-test-orders-publishOutbox'),
  ) as Promise<DynamoDBBatchResponse>;
const sentEntries = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => (call.args[0].input as PutEventsCommandInput).Entries ?? []);
const sentEventIds = () => sentEntries().map((entry) => (JSON.parse(entry.Detail!) as { eventId: string }).eventId);
const acceptAll = () =>
  eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => ({
    FailedEntryCount: 0,
    Entries: input.Entries!.map((_, i) => ({ EventId: `eb-${i}` })),
  }));
async function publishedAtOf(item: Item): Promise<string | undefined> {
  const stored = (await tables.ordersItems()).find(
    (candidate) => candidate['pk']?.S === item['pk']?.S && candidate['sk']?.S === item['sk']?.S,
  );
  return stored?.['publishedAt']?.S;
}

describe('publishOutbox (DynamoDB stream → EventBridge)', () => {
  it('publishes the OrderPlaced envelope to the bus from harbor.orders and marks the record published', async () => {
    acceptAll();
    const { orderId, item, record } = await placedOrder();

    await expect(relay([record])).resolves.toEqual({ batchItemFailures: [] });

    const [entry] = sentEntries();
    expect(entry).toMatchObject({
      EventBusName: 'harbor-test-events',
      Source: 'harbor.orders',
      DetailType: 'OrderPlaced',
      Detail: item['envelope']!.S,
    });
    expect(JSON.parse(entry!.Detail!)).toMatchObject({ eventType: 'OrderPlaced', payload: { orderId } });
    expect(await publishedAtOf(item)).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('never publishes a record twice when the stream gives the batch again', async () => {
    acceptAll();
    const { record } = await placedOrder();
    await relay([record]);

    await expect(relay([record])).resolves.toEqual({ batchItemFailures: [] });

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('reports only the record EventBridge keeps refusing; the retry from it publishes it and not the others again', async () => {
    const first = await placedOrder();
    const refused = await placedOrder();
    const third = await placedOrder();
    const refusedId = JSON.parse(refused.item['envelope']!.S!).eventId as string;
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
      const results = input.Entries!.map((entry, i) =>
        entry.Detail!.includes(refusedId)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try later' }
          : { EventId: `eb-${i}` },
      );
      return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
    });

    const response = await relay([first.record, refused.record, third.record]);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: refused.record.dynamodb!.SequenceNumber }] });
    expect(await publishedAtOf(first.item)).toBeDefined();
    expect(await publishedAtOf(refused.item)).toBeUndefined();
    expect(await publishedAtOf(third.item)).toBeDefined();

    // Lambda retries from the reported record: the refused one and the (already published) one after it.
    eventBridge.reset();
    acceptAll();
    await expect(relay([refused.record, third.record])).resolves.toEqual({ batchItemFailures: [] });
    expect(sentEventIds()).toEqual([refusedId]);
    expect(await publishedAtOf(refused.item)).toBeDefined();
  });

  it('reports the whole batch when the bus cannot be reached, and marks nothing', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejects(Object.assign(new Error('connect ECONNREFUSED'), { name: 'ECONNREFUSED' }));
    const first = await placedOrder();
    const second = await placedOrder();

    const response = await relay([first.record, second.record]);

    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      first.record.dynamodb!.SequenceNumber,
      second.record.dynamodb!.SequenceNumber,
    ]);
    expect(await publishedAtOf(first.item)).toBeUndefined();
    expect(await publishedAtOf(second.item)).toBeUndefined();
  });

  it('publishes a status change to the order-status topic (not the bus) with the attributes subscribers filter on, once', async () => {
    acceptAll();
    const { orderId, item, record } = await placedOrder('OrderStatusChanged');

    await expect(relay([record])).resolves.toEqual({ batchItemFailures: [] });
    await expect(relay([record])).resolves.toEqual({ batchItemFailures: [] });

    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input as PublishCommandInput;
    expect(input).toMatchObject({ TopicArn: STATUS_TOPIC, Message: item['envelope']!.S });
    expect(input.MessageAttributes).toMatchObject({
      eventType: { DataType: 'String', StringValue: 'OrderStatusChanged' },
      status: { DataType: 'String', StringValue: 'PENDING' },
      totalMinor: { DataType: 'Number', StringValue: '2500' },
    });
    expect(JSON.parse(input.Message!)).toMatchObject({ payload: { orderId, status: 'PENDING' } });
    expect(await publishedAtOf(item)).toBeDefined();
  });

  it('retries only the status change when the topic refuses it and the bus accepted the rest', async () => {
    acceptAll();
    sns.on(PublishCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));
    const placed = await placedOrder('OrderPlaced');
    const status = (await tables.ordersItems()).find(
      (stored) => stored['pk']?.S === placed.item['pk']?.S && stored['eventType']?.S === 'OrderStatusChanged',
    )!;
    const image = status as Record<string, AttributeValue>;
    const statusRecord = dynamoDbStreamRecord({
      keys: { pk: image['pk']!, sk: image['sk']! },
      newImage: image,
      sequenceNumber: String(sequence++),
    });

    await expect(relay([placed.record, statusRecord])).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: statusRecord.dynamodb!.SequenceNumber }],
    });

    expect(await publishedAtOf(placed.item)).toBeDefined();
    expect(await publishedAtOf(status)).toBeUndefined();
  });

  it('passes over stream records that are not outbox inserts without calling EventBridge', async () => {
    acceptAll();
    const { orderId, item } = await placedOrder();
    const orderItem = (await tables.ordersItems()).find(
      (stored) => stored['pk']?.S === `ORDER#${orderId}` && stored['sk']?.S === 'ORDER',
    )!;
    const image = orderItem as Record<string, AttributeValue>;
    const outboxImage = item as Record<string, AttributeValue>;
    const records = [
      dynamoDbStreamRecord({
        keys: { pk: image['pk']!, sk: image['sk']! },
        newImage: image,
        sequenceNumber: String(sequence++),
      }),
      dynamoDbStreamRecord({
        keys: { pk: outboxImage['pk']!, sk: outboxImage['sk']! },
        newImage: outboxImage,
        oldImage: outboxImage,
        eventName: 'MODIFY',
        sequenceNumber: String(sequence++),
      }),
    ];

    await expect(relay(records)).resolves.toEqual({ batchItemFailures: [] });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

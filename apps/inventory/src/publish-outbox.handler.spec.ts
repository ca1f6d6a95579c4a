import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { dynamoDbStreamEvent, dynamoDbStreamRecord, lambdaContext } from '@harbor/platform-lambda/testing';
import type { AttributeValue, DynamoDBBatchResponse } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { freshInventoryTables, type InventoryTables } from '../test/fresh-inventory-tables';
import { deliver, newSku, orderPlacedEvent, putStock } from '../test/requests';
import { handler as publishOutbox } from './publish-outbox.handler';
import { handler as reserveStock } from './reserve-stock.handler';
import { handler as setStock } from './set-stock.handler';

const eventBridge = mockClient(EventBridgeClient);
let tables: InventoryTables;
beforeAll(async () => {
  tables = await freshInventoryTables();
  process.env.EVENT_BUS_NAME = 'harbor-test-events';
});
afterAll(() => tables.close());

describe('publishOutbox (inventory table stream → EventBridge)', () => {
  it('publishes StockReserved from harbor.inventory once, and marks it', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => ({
      FailedEntryCount: 0,
      Entries: input.Entries!.map((_, i) => ({ EventId: `eb-${i}` })),
    }));
    const sku = newSku();
    await putStock(setStock, sku, { available: 1 });
    const placed = orderPlacedEvent([{ sku, quantity: 1 }]);
    await deliver(reserveStock, placed);
    const orderId = (placed.detail as { payload: { orderId: string } }).payload.orderId;
    const item = (await tables.items()).find(
      (stored) => stored['pk']?.S === `RESERVATION#${orderId}` && stored['sk']?.S?.startsWith('OUTBOX#'),
    )!;
    const image = item as Record<string, AttributeValue>;
    const record = dynamoDbStreamRecord({
      keys: { pk: image['pk']!, sk: image['sk']! },
      newImage: image,
      sequenceNumber: '900000000000000000001',
    });
    const relay = () =>
      publishOutbox(
        dynamoDbStreamEvent([record]),
        lambdaContext('harbor-test-inventory-publishOutbox'),
      ) as Promise<DynamoDBBatchResponse>;

    await expect(relay()).resolves.toEqual({ batchItemFailures: [] });
    await expect(relay()).resolves.toEqual({ batchItemFailures: [] });

    const entries = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => (call.args[0].input as PutEventsCommandInput).Entries ?? []);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      EventBusName: 'harbor-test-events',
      Source: 'harbor.inventory',
      DetailType: 'StockReserved',
      Detail: item['envelope']!.S,
    });
    expect(JSON.parse(entries[0]!.Detail!)).toMatchObject({
      causationId: (placed.detail as { eventId: string }).eventId,
      payload: { orderId, lines: [{ sku, quantity: 1 }] },
    });
  });
});

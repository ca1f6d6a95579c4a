import { ReserveStock } from '@harbor/inventory-application';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { OutboxRelay, type OutboxEventPublisher } from '@harbor/platform-outbox';
import type { EventEnvelope } from '@harbor/contracts';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import * as dynamoose from 'dynamoose';
import { randomUUID } from 'node:crypto';
import { inventoryTableName, RawInventoryTable } from '../../test/inventory-table';
import { DynamooseReservationRepository } from '../dynamoose/reservation.dynamoose.repository';
import { DynamooseStockRepository } from '../dynamoose/stock.dynamoose.repository';
import { CryptoIdGenerator } from '../system/crypto.id-generator';
import { inventoryOutboxStore } from './inventory-outbox.store';

const table = new RawInventoryTable();
const clock = new FixedClock('2099-03-01T12:00:00.000Z');
const stockRepository = new DynamooseStockRepository({ tableName: inventoryTableName() });
const deps = {
  stockRepository,
  reservationRepository: new DynamooseReservationRepository({ tableName: inventoryTableName() }),
  clock,
  idGenerator: new CryptoIdGenerator(),
};
afterAll(() => table.destroy());

const insertOf = (item: Record<string, unknown>, sequenceNumber: string): DynamoDBRecord => {
  const image = dynamoose.aws.converter().marshall(item, { removeUndefinedValues: true }) as Record<
    string,
    AttributeValue
  >;
  return {
    eventName: 'INSERT',
    dynamodb: {
      Keys: { pk: image['pk']!, sk: image['sk']! },
      NewImage: image,
      SequenceNumber: sequenceNumber,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
};

describe('the platform outbox relay on the inventory table', () => {
  it('publishes a StockReserved outbox record once and marks it', async () => {
    const sku = `S${randomUUID().slice(0, 8).toUpperCase()}`;
    await stockRepository.setAvailable(sku, 1, clock.now());
    const orderId = randomUUID();
    await new ReserveStock(deps).execute({
      eventId: randomUUID(),
      eventType: 'OrderPlaced',
      correlationId: 'c',
      orderId,
      lines: [{ sku, quantity: 1 }],
    });
    const [item] = await table.outboxItems(orderId);
    const published: EventEnvelope[] = [];
    const publisher: OutboxEventPublisher = { publish: async (events) => void published.push(...events) };
    const relay = new OutboxRelay({ store: inventoryOutboxStore(inventoryTableName()), publisher, clock });

    await relay.relay([insertOf(item!, '1')]);
    const again = await relay.relay([insertOf(item!, '1')]);

    expect(published.map((event) => event.eventType)).toEqual(['StockReserved']);
    expect(again.skipped).toHaveLength(1);
    expect((await table.get(String(item!['pk']), String(item!['sk'])))?.['publishedAt']).toBe(
      '2099-03-01T12:00:00.000Z',
    );
  });
});

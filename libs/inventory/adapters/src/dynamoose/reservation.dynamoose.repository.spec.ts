import {
  ConcurrentInventoryChange,
  EventAlreadyProcessed,
  ReservationAlreadyRecorded,
  ReserveStock,
  ReleaseStock,
  StockShortfall,
} from '@harbor/inventory-application';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { Reservation } from '@harbor/inventory-domain';
import * as dynamoose from 'dynamoose';
import { randomUUID } from 'node:crypto';
import { inventoryTableName, RawInventoryTable } from '../../test/inventory-table';
import { CryptoIdGenerator } from '../system/crypto.id-generator';
import { DynamooseReservationRepository } from './reservation.dynamoose.repository';
import { DynamooseStockRepository } from './stock.dynamoose.repository';

const table = new RawInventoryTable();
const clock = new FixedClock('2099-03-01T12:00:00.000Z');
const stockRepository = new DynamooseStockRepository({ tableName: inventoryTableName() });
const reservationRepository = new DynamooseReservationRepository({ tableName: inventoryTableName(), clock });
const deps = { stockRepository, reservationRepository, clock, idGenerator: new CryptoIdGenerator() };
const SEVEN_DAYS_S = 7 * 24 * 60 * 60;

afterEach(() => jest.restoreAllMocks());
afterAll(() => table.destroy());

const newSku = () => `S${randomUUID().slice(0, 8).toUpperCase()}`;
const placed = (lines: { sku: string; quantity: number }[], eventId = randomUUID()) => ({
  eventId,
  eventType: 'OrderPlaced',
  correlationId: 'adapter-test',
  orderId: randomUUID(),
  lines,
});
const levelOf = async (sku: string) => (await stockRepository.findBySku(sku))?.toLevel();

describe('Dynamoose reservations: what one transaction stores', () => {
  it('writes the marker, the reservation, every stock line and the outbox record in one TransactWriteItems', async () => {
    const [a, b] = [newSku(), newSku()];
    await stockRepository.setAvailable(a, 3, clock.now());
    await stockRepository.setAvailable(b, 1, clock.now());
    const transactWrite = jest.spyOn(dynamoose.aws.ddb(), 'transactWriteItems');
    const event = placed([
      { sku: a, quantity: 2 },
      { sku: b, quantity: 1 },
    ]);

    expect(await new ReserveStock(deps).execute(event)).toBe('reserved');

    expect(transactWrite).toHaveBeenCalledTimes(1);
    expect(transactWrite.mock.calls[0]![0].TransactItems).toHaveLength(5);
    expect(await table.get(`EVENT#${event.eventId}`, 'HANDLED')).toEqual({
      pk: `EVENT#${event.eventId}`,
      sk: 'HANDLED',
      eventId: event.eventId,
      eventType: 'OrderPlaced',
      handledAt: '2099-03-01T12:00:00.000Z',
      expiresAt: Date.parse('2099-03-01T12:00:00.000Z') / 1000 + SEVEN_DAYS_S,
    });
    expect(await table.get(`RESERVATION#${event.orderId}`, 'RESERVATION')).toMatchObject({
      status: 'RESERVED',
      version: 1,
      lines: event.lines,
      shortages: [],
    });
    expect(await table.get(`SKU#${a}`, 'STOCK')).toEqual({
      pk: `SKU#${a}`,
      sk: 'STOCK',
      sku: a,
      available: 1,
      reserved: 2,
      updatedAt: '2099-03-01T12:00:00.000Z',
    });
    const [outbox] = await table.outboxItems(event.orderId);
    expect(outbox).toMatchObject({
      sk: 'OUTBOX#0000000001#000',
      eventType: 'StockReserved',
      correlationId: 'adapter-test',
    });
    expect(JSON.parse(String(outbox!['envelope']))).toMatchObject({
      causationId: event.eventId,
      payload: { orderId: event.orderId, lines: event.lines },
    });
  });

  it('two concurrent reservations for the last unit: exactly one wins, the stock ends at 0 available, 1 reserved', async () => {
    const sku = newSku();
    await stockRepository.setAvailable(sku, 1, clock.now());
    const contenders = [placed([{ sku, quantity: 1 }]), placed([{ sku, quantity: 1 }])];

    const outcomes = await Promise.allSettled(contenders.map((event) => new ReserveStock(deps).execute(event)));

    const reserved = outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value === 'reserved');
    expect(reserved).toHaveLength(1);
    // The loser is rejected, or (when DynamoDB cancels it as a conflict) fails to be retried by the bus.
    for (const outcome of outcomes.filter((candidate) => !reserved.includes(candidate))) {
      if (outcome.status === 'fulfilled') expect(outcome.value).toBe('rejected');
      else expect(outcome.reason).toBeInstanceOf(ConcurrentInventoryChange);
    }
    expect(await levelOf(sku)).toEqual({ sku, available: 0, reserved: 1 });
    // Retrying the loser's event settles it: rejected, with the reason for the SKU.
    const loser = contenders[outcomes.findIndex((outcome) => !reserved.includes(outcome))]!;
    expect(['rejected', 'duplicate']).toContain(await new ReserveStock(deps).execute(loser));
    expect((await reservationRepository.findByOrderId(loser.orderId))?.shortages).toEqual([
      {
        sku,
        code: 'INSUFFICIENT_STOCK',
        reason: 'insufficient stock: requested 1, available 0',
        requested: 1,
        available: 0,
      },
    ]);
  });

  it('the same event delivered twice (even at once) reserves once and publishes once', async () => {
    const sku = newSku();
    await stockRepository.setAvailable(sku, 5, clock.now());
    const event = placed([{ sku, quantity: 2 }]);

    const outcomes = await Promise.allSettled([
      new ReserveStock(deps).execute(event),
      new ReserveStock(deps).execute(event),
    ]);
    const retried = await new ReserveStock(deps).execute(event);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value === 'reserved')).toHaveLength(
      1,
    );
    expect(retried).toBe('duplicate');
    expect(await levelOf(sku)).toEqual({ sku, available: 3, reserved: 2 });
    expect(await table.outboxItems(event.orderId)).toHaveLength(1);
  });

  it('releases once: the cancellation delivered twice gives the stock back once', async () => {
    const sku = newSku();
    await stockRepository.setAvailable(sku, 4, clock.now());
    const event = placed([{ sku, quantity: 3 }]);
    await new ReserveStock(deps).execute(event);
    const cancelled = { eventId: randomUUID(), eventType: 'OrderCancelled', orderId: event.orderId };

    const outcomes = await Promise.all([
      new ReleaseStock(deps).execute(cancelled),
      new ReleaseStock(deps).execute(cancelled),
    ]);
    const again = await new ReleaseStock(deps).execute(cancelled);

    expect(outcomes.filter((outcome) => outcome === 'released')).toHaveLength(1);
    expect(again).toBe('nothing-held');
    expect(await levelOf(sku)).toEqual({ sku, available: 4, reserved: 0 });
    expect(await table.get(`RESERVATION#${event.orderId}`, 'RESERVATION')).toMatchObject({
      status: 'RELEASED',
      version: 2,
    });
  });

  it('names the errors by the item whose condition failed, writing nothing', async () => {
    const sku = newSku();
    await stockRepository.setAvailable(sku, 1, clock.now());
    const event = placed([{ sku, quantity: 1 }]);
    await new ReserveStock(deps).execute(event);

    const again = Reservation.reserved(event.orderId, [{ sku, quantity: 1 }], clock.now());
    await expect(
      reservationRepository.reserve(again, [], { eventId: event.eventId, eventType: 'OrderPlaced' }),
    ).rejects.toBeInstanceOf(EventAlreadyProcessed);
    await expect(
      reservationRepository.reserve(again, [], { eventId: randomUUID(), eventType: 'OrderPlaced' }),
    ).rejects.toBeInstanceOf(StockShortfall);
    await stockRepository.setAvailable(sku, 9, clock.now());
    await expect(
      reservationRepository.reserve(again, [], { eventId: randomUUID(), eventType: 'OrderPlaced' }),
    ).rejects.toBeInstanceOf(ReservationAlreadyRecorded);
    expect(await levelOf(sku)).toEqual({ sku, available: 9, reserved: 1 });
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { Reservation } from '@harbor/inventory-domain';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { inventoryTableName } from '../../test/inventory-table';
import { DynamooseReservationRepository } from './reservation.dynamoose.repository';
import { DynamooseStockRepository } from './stock.dynamoose.repository';
import { dynamooseReservationRepositoryAccess as access } from './reservation.dynamoose.repository.access';

// Every command the repository sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const clock = new FixedClock('2099-03-01T12:00:00.000Z');
const repository = new DynamooseReservationRepository({ tableName: inventoryTableName(), clock });
const stock = new DynamooseStockRepository({ tableName: inventoryTableName() });
const declared = (method: keyof typeof access.methods) =>
  describeDeclaredAccess(access.methods[method], { tables: { inventory: inventoryTableName() } });
const newSku = () => `S${randomUUID().slice(0, 8).toUpperCase()}`;
const event = () => ({ eventId: randomUUID(), eventType: 'OrderPlaced' });
const refused = () => undefined;

async function reserved() {
  const sku = newSku();
  await stock.setAvailable(sku, 2, clock.now());
  return Reservation.reserved(randomUUID(), [{ sku, quantity: 2 }], clock.now());
}

describe('DynamooseReservationRepository sends exactly what dynamooseReservationRepositoryAccess declares', () => {
  it('findByOrderId (stored and missing)', async () => {
    const reservation = await reserved();
    await repository.reserve(reservation, [], event());
    await meter.measure(() => repository.findByOrderId(reservation.orderId));
    await meter.measure(() => repository.findByOrderId(randomUUID()));
    expect(meter.accessed()).toEqual(declared('findByOrderId'));
  });

  it('reserve (taken, and refused for a shortfall)', async () => {
    const reservation = await reserved();
    await meter.measure(() => repository.reserve(reservation, [], event()));
    await meter.measure(() =>
      repository
        .reserve(Reservation.reserved(randomUUID(), reservation.lines, clock.now()), [], event())
        .catch(refused),
    );
    expect(meter.accessed()).toEqual(declared('reserve'));
  });

  it('record (a rejection, and the same order again)', async () => {
    const rejected = Reservation.rejected(
      randomUUID(),
      [{ sku: newSku(), code: 'UNKNOWN_SKU', reason: 'never stocked', requested: 1, available: 0 }],
      clock.now(),
    );
    await meter.measure(() => repository.record(rejected, [], event()));
    await meter.measure(() => repository.record(rejected, [], event()).catch(refused));
    expect(meter.accessed()).toEqual(declared('record'));
  });

  it('release (a held reservation, and one released meanwhile)', async () => {
    const reservation = await reserved();
    await repository.reserve(reservation, [], event());
    const loaded = (await repository.findByOrderId(reservation.orderId))!;
    loaded.release(clock.now());
    await meter.measure(() => repository.release(loaded, [], event()));
    await meter.measure(() => repository.release(loaded, [], event()).catch(refused));
    expect(meter.accessed()).toEqual(declared('release'));
  });
});

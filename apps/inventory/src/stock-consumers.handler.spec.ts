import { InvalidEventError } from '@harbor/platform-lambda';
import { freshInventoryTables, type InventoryTables } from '../test/fresh-inventory-tables';
import {
  deliver,
  getStockOf,
  newSku,
  orderCancelledEvent,
  orderExpiredEvent,
  orderPlacedEvent,
  putStock,
} from '../test/requests';
import { handler as getStock } from './get-stock.handler';
import { handler as releaseStock } from './release-stock.handler';
import { handler as reserveStock } from './reserve-stock.handler';
import { handler as setStock } from './set-stock.handler';

let tables: InventoryTables;
beforeAll(async () => {
  tables = await freshInventoryTables();
});
afterAll(() => tables.close());

const stockOf = async (sku: string) => (await getStockOf(getStock, sku)).json;
const outboxTypes = async (orderId: string) =>
  (await tables.items())
    .filter((item) => item['pk']?.S === `RESERVATION#${orderId}` && item['sk']?.S?.startsWith('OUTBOX#'))
    .map((item) => item['eventType']?.S);

describe('reserveStock (OrderPlaced consumer)', () => {
  it('reserves every line and stores StockReserved in the outbox', async () => {
    const [a, b] = [newSku(), newSku()];
    await putStock(setStock, a, { available: 3 });
    await putStock(setStock, b, { available: 1 });
    const event = orderPlacedEvent([
      { sku: a, quantity: 2 },
      { sku: b, quantity: 1 },
    ]);

    await deliver(reserveStock, event);

    expect(await stockOf(a)).toEqual({ sku: a, available: 1, reserved: 2 });
    expect(await stockOf(b)).toEqual({ sku: b, available: 0, reserved: 1 });
    expect(await outboxTypes((event.detail as { payload: { orderId: string } }).payload.orderId)).toEqual([
      'StockReserved',
    ]);
  });

  it('with stock 1, two orders at once: one is reserved, the other rejected (after the bus retries a lost race)', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 1 });
    const orders = [orderPlacedEvent([{ sku, quantity: 1 }]), orderPlacedEvent([{ sku, quantity: 1 }])];

    const first = await Promise.allSettled(orders.map((event) => deliver(reserveStock, event)));
    // EventBridge retries a failed delivery; a retry of a settled one changes nothing.
    for (const [index, outcome] of first.entries())
      if (outcome.status === 'rejected') await deliver(reserveStock, orders[index]!);

    expect(await stockOf(sku)).toEqual({ sku, available: 0, reserved: 1 });
    const types = await Promise.all(
      orders.map((event) => outboxTypes((event.detail as { payload: { orderId: string } }).payload.orderId)),
    );
    expect(types.flat().sort()).toEqual(['StockRejected', 'StockReserved']);
  });

  it('reserves once when the same event is delivered twice', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 5 });
    const event = orderPlacedEvent([{ sku, quantity: 2 }]);
    await deliver(reserveStock, event);
    await deliver(reserveStock, event);
    expect(await stockOf(sku)).toEqual({ sku, available: 3, reserved: 2 });
    expect(await outboxTypes((event.detail as { payload: { orderId: string } }).payload.orderId)).toEqual([
      'StockReserved',
    ]);
  });

  it('throws an event that breaks the contract, naming the field, and writes nothing', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 5 });
    const event = orderPlacedEvent([{ sku, quantity: 1 }]);
    const detail = event.detail as { payload: { lines: { quantity: number }[] } };
    detail.payload.lines[0]!.quantity = 0;
    const before = await tables.snapshot();

    const failure = deliver(reserveStock, event);

    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow('payload.lines[0].quantity');
    expect(await tables.snapshot()).toEqual(before);
  });
});

describe('releaseStock (OrderCancelled consumer)', () => {
  it('gives back exactly what was reserved, once, even when the cancellation is delivered twice', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 4 });
    const placed = orderPlacedEvent([{ sku, quantity: 3 }]);
    await deliver(reserveStock, placed);
    const orderId = (placed.detail as { payload: { orderId: string } }).payload.orderId;
    const cancelled = orderCancelledEvent(orderId, [{ sku, quantity: 3 }]);

    await deliver(releaseStock, cancelled);
    await putStock(setStock, sku, { available: 10 });
    await deliver(releaseStock, cancelled);

    expect(await stockOf(sku)).toEqual({ sku, available: 10, reserved: 0 });
  });

  it('gives back what an expired order reserved, once, however often OrderExpired is delivered', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 4 });
    const placed = orderPlacedEvent([{ sku, quantity: 3 }]);
    await deliver(reserveStock, placed);
    const orderId = (placed.detail as { payload: { orderId: string } }).payload.orderId;
    const expired = orderExpiredEvent(orderId, [{ sku, quantity: 3 }]);

    await deliver(releaseStock, expired);
    await deliver(releaseStock, expired);
    await deliver(releaseStock, orderExpiredEvent(orderId, [{ sku, quantity: 3 }]));

    expect(await stockOf(sku)).toEqual({ sku, available: 4, reserved: 0 });
  });

  it('releases nothing for a rejected order', async () => {
    const sku = newSku();
    await putStock(setStock, sku, { available: 1 });
    const placed = orderPlacedEvent([{ sku, quantity: 2 }]);
    await deliver(reserveStock, placed);
    const orderId = (placed.detail as { payload: { orderId: string } }).payload.orderId;
    await deliver(releaseStock, orderCancelledEvent(orderId, [{ sku, quantity: 2 }]));
    expect(await stockOf(sku)).toEqual({ sku, available: 1, reserved: 0 });
  });
});

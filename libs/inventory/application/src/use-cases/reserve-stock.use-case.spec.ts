import { StockRejected, StockReserved } from '@harbor/contracts';
import { createFakes, ORDER_ID, orderPlaced } from '../../test/use-case-fixtures';
import { ReserveStock } from './reserve-stock.use-case';

async function setUp(stock: Record<string, number>) {
  const fakes = createFakes();
  for (const [sku, available] of Object.entries(stock)) await fakes.inventory.setAvailable(sku, available);
  return { fakes, reserveStock: new ReserveStock(fakes) };
}

describe('ReserveStock', () => {
  it('reserves every line and puts StockReserved, caused by the OrderPlaced, in the outbox', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 2, B1: 1 });
    const placed = orderPlaced([
      { sku: 'A1', quantity: 2 },
      { sku: 'B1', quantity: 1 },
    ]);

    expect(await reserveStock.execute(placed)).toBe('reserved');

    expect((await fakes.inventory.findBySku('A1'))?.toLevel()).toEqual({ sku: 'A1', available: 0, reserved: 2 });
    const envelope = StockReserved.envelopeSchema.parse(fakes.inventory.outbox[0]);
    expect(envelope).toMatchObject({
      correlationId: 'req-1',
      causationId: placed.eventId,
      occurredAt: '2025-03-01T10:00:00.000Z',
      payload: { orderId: ORDER_ID, lines: placed.lines },
    });
  });

  it('reserves nothing when one line is short, and publishes StockRejected with the reason per SKU', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 5, B1: 1 });

    expect(
      await reserveStock.execute(
        orderPlaced([
          { sku: 'A1', quantity: 2 },
          { sku: 'B1', quantity: 3 },
          { sku: 'C1', quantity: 1 },
        ]),
      ),
    ).toBe('rejected');

    expect((await fakes.inventory.findBySku('A1'))?.toLevel()).toEqual({ sku: 'A1', available: 5, reserved: 0 });
    expect(fakes.inventory.outbox).toHaveLength(1);
    expect(StockRejected.envelopeSchema.parse(fakes.inventory.outbox[0]).payload.reasons).toEqual([
      {
        sku: 'B1',
        code: 'INSUFFICIENT_STOCK',
        reason: 'insufficient stock: requested 3, available 1',
        requested: 3,
        available: 1,
      },
      { sku: 'C1', code: 'UNKNOWN_SKU', reason: 'SKU C1 is not stocked', requested: 1, available: 0 },
    ]);
    expect((await fakes.inventory.findByOrderId(ORDER_ID))?.status).toBe('REJECTED');
  });

  it('absorbs a redelivered event: reserved once, one StockReserved', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 5 });
    const placed = orderPlaced([{ sku: 'A1', quantity: 2 }]);
    await reserveStock.execute(placed);

    expect(await reserveStock.execute(placed)).toBe('duplicate');

    expect((await fakes.inventory.findBySku('A1'))?.toLevel()).toEqual({ sku: 'A1', available: 3, reserved: 2 });
    expect(fakes.inventory.outbox).toHaveLength(1);
  });

  it('absorbs a redelivered event that was rejected, publishing StockRejected once', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 1 });
    const placed = orderPlaced([{ sku: 'A1', quantity: 2 }]);
    await reserveStock.execute(placed);
    expect(await reserveStock.execute(placed)).toBe('duplicate');
    expect(fakes.inventory.outbox.map((envelope) => envelope.eventType)).toEqual(['StockRejected']);
  });

  it('refuses an invalid line before writing anything, naming it', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 1 });
    await expect(reserveStock.execute(orderPlaced([{ sku: 'A1', quantity: 0 }]))).rejects.toMatchObject({
      details: { field: 'lines[0].quantity', min: 1, max: 1000 },
    });
    expect(fakes.inventory.outbox).toEqual([]);
  });

  it('retries rather than rejects when the stock came back between the failed write and the explaining read', async () => {
    const { fakes, reserveStock } = await setUp({ A1: 0 });
    const realFindMany = fakes.inventory.findMany.bind(fakes.inventory);
    jest.spyOn(fakes.inventory, 'findMany').mockImplementationOnce(async (skus) => {
      await fakes.inventory.setAvailable('A1', 5);
      return realFindMany(skus);
    });
    await expect(reserveStock.execute(orderPlaced([{ sku: 'A1', quantity: 1 }]))).rejects.toMatchObject({
      code: 'INVENTORY.CONCURRENT_CHANGE',
    });
    expect(fakes.inventory.outbox).toEqual([]);
  });
});

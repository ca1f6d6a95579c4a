import { createFakes, ORDER_ID, orderCancelled, orderPlaced } from '../../test/use-case-fixtures';
import { ReleaseStock } from './release-stock.use-case';
import { ReserveStock } from './reserve-stock.use-case';

async function reservedOrder(available: number, quantity: number) {
  const fakes = createFakes();
  await fakes.inventory.setAvailable('A1', available);
  await fakes.inventory.setAvailable('B1', available);
  const outcome = await new ReserveStock(fakes).execute(
    orderPlaced([
      { sku: 'A1', quantity },
      { sku: 'B1', quantity: 1 },
    ]),
  );
  return { fakes, outcome, releaseStock: new ReleaseStock(fakes) };
}

const levels = async (fakes: ReturnType<typeof createFakes>) => [
  (await fakes.inventory.findBySku('A1'))?.toLevel(),
  (await fakes.inventory.findBySku('B1'))?.toLevel(),
];

describe('ReleaseStock', () => {
  it('gives back exactly what was reserved', async () => {
    const { fakes, releaseStock } = await reservedOrder(5, 3);
    expect(await releaseStock.execute(orderCancelled())).toBe('released');
    expect(await levels(fakes)).toEqual([
      { sku: 'A1', available: 5, reserved: 0 },
      { sku: 'B1', available: 5, reserved: 0 },
    ]);
    expect((await fakes.inventory.findByOrderId(ORDER_ID))?.status).toBe('RELEASED');
  });

  it('releases once: the same event again, or another cancellation, gives back nothing more', async () => {
    const { fakes, releaseStock } = await reservedOrder(5, 3);
    const cancelled = orderCancelled();
    await releaseStock.execute(cancelled);
    await fakes.inventory.setAvailable('A1', 1);

    expect(await releaseStock.execute(cancelled)).toBe('nothing-held');
    expect(await releaseStock.execute(orderCancelled())).toBe('nothing-held');

    expect(await levels(fakes)).toEqual([
      { sku: 'A1', available: 1, reserved: 0 },
      { sku: 'B1', available: 5, reserved: 0 },
    ]);
  });

  it('gives back nothing for a rejected order', async () => {
    const { fakes, outcome, releaseStock } = await reservedOrder(1, 2);
    expect(outcome).toBe('rejected');
    expect(await releaseStock.execute(orderCancelled())).toBe('nothing-held');
    expect(await levels(fakes)).toEqual([
      { sku: 'A1', available: 1, reserved: 0 },
      { sku: 'B1', available: 1, reserved: 0 },
    ]);
  });

  it('voids an order cancelled before it was reserved, so its late OrderPlaced reserves nothing', async () => {
    const fakes = createFakes();
    await fakes.inventory.setAvailable('A1', 5);
    expect(await new ReleaseStock(fakes).execute(orderCancelled())).toBe('voided');
    expect(await new ReserveStock(fakes).execute(orderPlaced([{ sku: 'A1', quantity: 1 }]))).toBe('duplicate');
    expect((await fakes.inventory.findBySku('A1'))?.toLevel()).toEqual({ sku: 'A1', available: 5, reserved: 0 });
  });

  it('loses a race to a concurrent release without giving back twice', async () => {
    const { fakes, releaseStock } = await reservedOrder(5, 3);
    const realFind = fakes.inventory.findByOrderId.bind(fakes.inventory);
    // Another delivery releases the order between this one's read and write.
    jest.spyOn(fakes.inventory, 'findByOrderId').mockImplementationOnce(async (orderId) => {
      const loaded = await realFind(orderId);
      await new ReleaseStock(fakes).execute(orderCancelled());
      return loaded;
    });
    expect(await releaseStock.execute(orderCancelled())).toBe('nothing-held');
    expect(await levels(fakes)).toEqual([
      { sku: 'A1', available: 5, reserved: 0 },
      { sku: 'B1', available: 5, reserved: 0 },
    ]);
  });
});

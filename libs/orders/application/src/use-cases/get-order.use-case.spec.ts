import { alice, bob, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { GetOrder } from './get-order.use-case';
import { PlaceOrder } from './place-order.use-case';

async function setUp() {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 3)]), alice);
  return { getOrder: new GetOrder(fakes), orderId: placed.id.value, placed };
}

describe('GetOrder', () => {
  it("returns the caller's order as stored", async () => {
    const { getOrder, orderId, placed } = await setUp();
    const order = await getOrder.execute({ orderId }, alice);
    expect(order.toSnapshot()).toEqual({ ...placed.toSnapshot(), version: 1 });
  });

  it('finds the order however the id is cased', async () => {
    const { getOrder, orderId } = await setUp();
    expect((await getOrder.execute({ orderId: orderId.toUpperCase() }, alice)).id.value).toBe(orderId);
  });

  it("answers another customer's order exactly like a missing one", async () => {
    const { getOrder, orderId } = await setUp();
    const missingId = '00000000-0000-4000-8000-00000000ffff';
    const foreign = await getOrder.execute({ orderId }, bob).catch((error: unknown) => error);
    const missing = await getOrder.execute({ orderId: missingId }, alice).catch((error: unknown) => error);
    expect(foreign).toMatchObject({ code: 'ORDER.NOT_FOUND', kind: 'not-found', details: { orderId } });
    expect(missing).toMatchObject({ code: 'ORDER.NOT_FOUND', kind: 'not-found', details: { orderId: missingId } });
    expect((foreign as Error).message.replace(orderId, 'ID')).toBe((missing as Error).message.replace(missingId, 'ID'));
  });

  it('rejects a malformed id as invalid input', async () => {
    const { getOrder } = await setUp();
    await expect(getOrder.execute({ orderId: 'order-1' }, alice)).rejects.toMatchObject({
      code: 'ORDER.INVALID_ORDER_ID',
      kind: 'invalid',
    });
  });
});

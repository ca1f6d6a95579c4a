import { OrderPageResponse } from '@harbor/contracts';
import { alice, bob, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { toOrderPageView } from '../order.view';
import { ListCustomerOrders } from './list-customer-orders.use-case';
import { PlaceOrder } from './place-order.use-case';

async function setUp(ordersOfAlice: number) {
  const fakes = createFakes();
  // More open orders than the default limit: paging is what is tested here.
  const placeOrder = new PlaceOrder({ ...fakes, maxOpenOrders: 100 });
  const placedIds: string[] = [];
  for (let index = 0; index < ordersOfAlice; index += 1) {
    placedIds.push((await placeOrder.execute(await placeCommand(fakes, [line('SKU-1', index + 1)]), alice)).id.value);
    fakes.clock.advanceBy(1000);
  }
  await placeOrder.execute(await placeCommand(fakes, [line('SKU-9')]), bob);
  return { listOrders: new ListCustomerOrders(fakes), newestFirst: placedIds.reverse() };
}

describe('ListCustomerOrders', () => {
  it("pages through only the caller's orders, newest first", async () => {
    const { listOrders, newestFirst } = await setUp(5);
    const first = await listOrders.execute({ limit: 2 }, alice);
    const second = await listOrders.execute({ limit: 2, nextToken: first.nextToken! }, alice);
    const third = await listOrders.execute({ limit: 2, nextToken: second.nextToken! }, alice);
    expect([...first.items, ...second.items, ...third.items].map((order) => order.id.value)).toEqual(newestFirst);
    expect(third.nextToken).toBeUndefined();
  });

  it('uses 20 as the default limit', async () => {
    const { listOrders } = await setUp(21);
    const page = await listOrders.execute({}, alice);
    expect(page.items).toHaveLength(20);
    expect(page.nextToken).toEqual(expect.any(String));
  });

  it('returns an empty page to a customer without orders', async () => {
    const { listOrders } = await setUp(2);
    expect(await listOrders.execute({}, { customerId: 'carol', correlationId: 'req-carol' })).toEqual({ items: [] });
  });

  it('gives a page whose view matches the OrderPageResponse contract', async () => {
    const { listOrders } = await setUp(3);
    const view = toOrderPageView(await listOrders.execute({ limit: 1 }, alice));
    expect(OrderPageResponse.safeParse(view).success).toBe(true);
    expect(view.nextToken).toEqual(expect.any(String));
  });

  it.each([0, 101, 2.5, -1, Number.NaN])('rejects limit %p naming the field', async (limit) => {
    const { listOrders } = await setUp(1);
    await expect(listOrders.execute({ limit }, alice)).rejects.toMatchObject({
      code: 'ORDER.INVALID_PAGE_LIMIT',
      kind: 'invalid',
      details: { field: 'limit', min: 1, max: 100 },
    });
  });

  it.each([1, 100])('accepts the bound %i', async (limit) => {
    const { listOrders } = await setUp(2);
    expect((await listOrders.execute({ limit }, alice)).items.length).toBe(Math.min(limit, 2));
  });

  it('rejects a forged next token as invalid input', async () => {
    const { listOrders } = await setUp(1);
    await expect(listOrders.execute({ nextToken: 'forged' }, alice)).rejects.toMatchObject({
      code: 'ORDER.INVALID_NEXT_TOKEN',
      kind: 'invalid',
    });
  });
});

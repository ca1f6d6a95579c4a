import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { claimsOf, invoke, newCustomer, placeOrderAs } from '../test/requests';
import { handler as listOrders } from './list-customer-orders.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

type Page = { items: { orderId: string; customerId: string }[]; nextToken?: string };
const list = async (customerId: string, query?: Record<string, string>) => {
  const response = await invoke(listOrders, {
    method: 'GET',
    ...(query ? { query } : {}),
    claims: claimsOf(customerId),
  });
  return { ...response, page: response.json as Page };
};

describe('GET /orders', () => {
  it("pages through the caller's orders newest first, and only theirs", async () => {
    const customerId = newCustomer();
    const placed = [];
    for (let i = 0; i < 3; i += 1) placed.push(await placeOrderAs(placeOrder, customerId));
    await placeOrderAs(placeOrder, newCustomer());
    const newestFirst = placed.map((order) => order.orderId).reverse();

    const first = await list(customerId, { limit: '2' });
    expect(first.statusCode).toBe(200);
    expect(first.page.items.map((order) => order.orderId)).toEqual(newestFirst.slice(0, 2));
    expect(first.page.nextToken).toEqual(expect.any(String));

    const second = await list(customerId, { limit: '2', nextToken: first.page.nextToken as string });
    expect(second.page.items.map((order) => order.orderId)).toEqual(newestFirst.slice(2));
    expect(second.page.nextToken).toBeUndefined();
  });

  it('answers an empty page to a customer without orders', async () => {
    const response = await list(newCustomer());
    expect(response.statusCode).toBe(200);
    expect(response.page).toEqual({ items: [] });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ nextToken: 'forged' }, 'nextToken'],
  ])('answers 400 naming the field for %p', async (query, field) => {
    const response = await list(newCustomer(), query);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.body).toContain(field);
  });

  it("does not accept another customer's page token as its own", async () => {
    const owner = newCustomer();
    for (let i = 0; i < 2; i += 1) await placeOrderAs(placeOrder, owner);
    const { page } = await list(owner, { limit: '1' });
    const stranger = await list(newCustomer(), { limit: '1', nextToken: page.nextToken as string });
    expect(stranger.page.items ?? []).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { claimsOf, invoke, newCustomer, placeOrderAs } from '../test/requests';
import { handler as getOrder } from './get-order.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

const get = (customerId: string, orderId: string) =>
  invoke(getOrder, {
    method: 'GET',
    resource: '/orders/{orderId}',
    path: `/orders/${orderId}`,
    pathParameters: { orderId },
    claims: claimsOf(customerId),
  });

describe('GET /orders/{orderId}', () => {
  it("answers the caller's own order", async () => {
    const customerId = newCustomer();
    const placed = await placeOrderAs(placeOrder, customerId);
    const response = await get(customerId, placed.orderId);
    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({ orderId: placed.orderId, customerId, status: 'PENDING' });
  });

  it("answers 404 for another customer's order, as if it did not exist", async () => {
    const placed = await placeOrderAs(placeOrder, newCustomer());
    const response = await get(newCustomer(), placed.orderId);
    const unknown = await get(newCustomer(), randomUUID());
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    // Same problem as for an order that does not exist: nothing tells a stranger the id is taken.
    const shape = (json: unknown) => ({
      ...(json as object),
      instance: undefined,
      orderId: undefined,
      detail: undefined,
    });
    expect(shape(response.json)).toEqual(shape(unknown.json));
    expect(response.json).toMatchObject({ code: 'ORDER.NOT_FOUND', orderId: placed.orderId });
  });

  it('answers 400 naming orderId when it is not a UUID', async () => {
    const response = await get(newCustomer(), 'not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('orderId');
  });
});

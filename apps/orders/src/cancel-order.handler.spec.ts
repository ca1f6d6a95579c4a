import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { claimsOf, invoke, newCustomer, placeOrderAs } from '../test/requests';
import { handler as cancelOrder } from './cancel-order.handler';
import { handler as getOrder } from './get-order.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

const cancel = (customerId: string, orderId: string) =>
  invoke(cancelOrder, {
    method: 'POST',
    resource: '/orders/{orderId}/cancel',
    pathParameters: { orderId },
    claims: claimsOf(customerId),
  });

describe('POST /orders/{orderId}/cancel', () => {
  it("cancels the caller's pending order and records OrderCancelled with it", async () => {
    const customerId = newCustomer();
    const { orderId } = await placeOrderAs(placeOrder, customerId);
    const response = await cancel(customerId, orderId);

    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({ orderId, status: 'CANCELLED' });
    const stored = await invoke(getOrder, { method: 'GET', pathParameters: { orderId }, claims: claimsOf(customerId) });
    expect(stored.json).toMatchObject({ status: 'CANCELLED' });
    const outbox = (await tables.ordersItems()).filter(
      (item) => JSON.stringify(item).includes(orderId) && JSON.stringify(item).includes('OrderCancelled'),
    );
    expect(outbox).toHaveLength(1);
  });

  it('refuses to cancel twice (an illegal transition) and writes nothing', async () => {
    const customerId = newCustomer();
    const { orderId } = await placeOrderAs(placeOrder, customerId);
    await cancel(customerId, orderId);
    const before = await tables.snapshot();
    const again = await cancel(customerId, orderId);

    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
    expect(again.headers?.['content-type']).toBe('application/problem+json');
    expect(again.body).toContain('CANCELLED');
    expect(await tables.snapshot()).toEqual(before);
  });

  it("answers 404 for another customer's order and leaves it as it was", async () => {
    const { orderId } = await placeOrderAs(placeOrder, newCustomer());
    const before = await tables.snapshot();
    const response = await cancel(newCustomer(), orderId);
    expect(response.statusCode).toBe(404);
    expect(await tables.snapshot()).toEqual(before);
  });

  it('answers 404 for an unknown order and 400 naming orderId for a non-UUID', async () => {
    expect((await cancel(newCustomer(), randomUUID())).statusCode).toBe(404);
    const malformed = await cancel(newCustomer(), '../orders');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('orderId');
  });
});

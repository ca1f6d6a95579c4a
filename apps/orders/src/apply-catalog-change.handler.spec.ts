import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { catalogEvent, deliver } from '../test/order-events';
import { aLine, claimsOf, invoke, newCustomer, orderBody } from '../test/requests';
import { handler as applyCatalogChange } from './apply-catalog-change.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

const newSku = () => `P${randomUUID().slice(0, 8).toUpperCase()}`;
const priced = (sku: string, version: number, eur: number) =>
  catalogEvent('ProductPriced', { sku, name: 'Mug', prices: [{ currency: 'EUR', amountMinor: eur }], version });
const place = (sku: string) =>
  invoke(placeOrder, {
    json: orderBody([aLine(sku, 2)]),
    claims: claimsOf(newCustomer()),
    headers: { 'Idempotency-Key': randomUUID() },
  });

describe('the catalog read model, fed by ProductPriced / ProductRetired, prices POST /orders', () => {
  it('prices an order at the newest price, and a stale event delivered late does not win', async () => {
    const sku = newSku();
    await deliver(applyCatalogChange, priced(sku, 1, 1250));
    await deliver(applyCatalogChange, priced(sku, 3, 990));
    await deliver(applyCatalogChange, priced(sku, 2, 1));
    await deliver(applyCatalogChange, priced(sku, 3, 990)); // redelivered
    const response = await place(sku);
    expect(response.statusCode).toBe(201);
    expect(response.json).toMatchObject({
      lines: [{ sku, quantity: 2, unitPrice: { amountMinor: 990, currency: 'EUR' } }],
      total: { amountMinor: 1980 },
    });
  });

  it('refuses orders for a retired product with 422 naming the SKU, even when an older price arrives afterwards', async () => {
    const sku = newSku();
    await deliver(applyCatalogChange, priced(sku, 1, 1250));
    await deliver(applyCatalogChange, catalogEvent('ProductRetired', { sku, version: 3 }));
    await deliver(applyCatalogChange, priced(sku, 2, 1250));
    const before = await tables.snapshot();
    const response = await place(sku);
    expect(response.statusCode).toBe(422);
    expect(response.json).toMatchObject({ code: 'ORDER.SKU_NOT_ORDERABLE' });
    expect(response.body).toContain(sku);
    expect(await tables.snapshot()).toEqual(before);
  });

  it('refuses an event that breaks its contract, so the bus retries it and then dead-letters it', async () => {
    await expect(
      deliver(applyCatalogChange, catalogEvent('ProductPriced', { sku: newSku(), prices: [], version: 1 })),
    ).rejects.toThrow();
  });
});

import { freshCatalogTables, type CatalogTables } from '../test/fresh-catalog-tables';
import { customerToken, getProductAs, listProductsAs, newSku, putProductAs, retireProductAs } from '../test/requests';
import { handler as getProduct } from './get-product.handler';
import { handler as listProducts } from './list-products.handler';
import { handler as putProduct } from './put-product.handler';
import { handler as retireProduct } from './retire-product.handler';

let tables: CatalogTables;
beforeAll(async () => {
  tables = await freshCatalogTables();
});
afterAll(() => tables.close());

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('the catalog admin routes against DynamoDB Local', () => {
  it('puts a product (201), changes its price one version up (200) and reads it back', async () => {
    const sku = newSku();
    const created = await putProductAs(putProduct, sku, { name: 'Mug', prices: [eur(1250)] });
    expect(created.statusCode).toBe(201);
    expect(created.json).toMatchObject({ sku, name: 'Mug', prices: [eur(1250)], status: 'ACTIVE', version: 1 });
    const changed = await putProductAs(putProduct, sku, {
      name: 'Mug',
      prices: [eur(990), { amountMinor: 1099, currency: 'USD' }],
    });
    expect(changed.statusCode).toBe(200);
    expect((await getProductAs(getProduct, sku)).json).toMatchObject({
      prices: [eur(990), { amountMinor: 1099, currency: 'USD' }],
      version: 2,
    });
  });

  it('retires a product, and then refuses to price it again with 409 problem+json', async () => {
    const sku = newSku();
    await putProductAs(putProduct, sku, { name: 'Mug', prices: [eur(1250)] });
    expect((await retireProductAs(retireProduct, sku)).json).toMatchObject({ status: 'RETIRED', version: 2 });
    const again = await putProductAs(putProduct, sku, { name: 'Mug', prices: [eur(1)] });
    expect(again.statusCode).toBe(409);
    expect(again.headers?.['content-type']).toBe('application/problem+json');
    expect(again.json).toMatchObject({ code: 'CATALOG.PRODUCT_RETIRED' });
  });

  it('answers 404 for a SKU never put, on read and on retire', async () => {
    expect((await getProductAs(getProduct, newSku())).json).toMatchObject({
      status: 404,
      code: 'CATALOG.PRODUCT_NOT_FOUND',
    });
    expect((await retireProductAs(retireProduct, newSku())).statusCode).toBe(404);
  });

  it('lists products a page at a time, the cursor being the last SKU', async () => {
    const skus = [newSku(), newSku(), newSku()].sort();
    for (const sku of skus) await putProductAs(putProduct, sku, { name: sku, prices: [eur(1)] });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listProductsAs(listProducts, { limit: '2', ...(after ? { after } : {}) });
      expect(page.statusCode).toBe(200);
      seen.push(...(page.json as { items: { sku: string }[] }).items.map((item) => item.sku));
      after = (page.json as { nextAfter?: string }).nextAfter;
    } while (after);
    expect(seen.filter((sku) => skus.includes(sku))).toEqual(skus);
  });

  it.each([
    [{ name: 'Mug', prices: [] }, 'prices'],
    [{ name: 'Mug', prices: [eur(-1)] }, 'prices[0].amountMinor'],
    [{ name: 'Mug', prices: [eur(1), eur(2)] }, 'prices'],
    [{ name: 'Mug', prices: [eur(1)], version: 7 }, 'version'],
    [{ prices: [eur(1)] }, 'name'],
  ])('refuses the body %j with 400 naming %s, writing nothing', async (body, field) => {
    const before = await tables.snapshot();
    const response = await putProductAs(putProduct, newSku(), body);
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
    expect(await tables.snapshot()).toEqual(before);
  });

  it('refuses a bad cursor with 400 naming after', async () => {
    expect((await listProductsAs(listProducts, { after: '{"pk":"x"}' })).json).toMatchObject({
      errors: [expect.objectContaining({ field: 'after' })],
    });
  });

  it('answers 403 to a caller who is not a catalog admin, writing nothing', async () => {
    const before = await tables.snapshot();
    expect(
      (await putProductAs(putProduct, newSku(), { name: 'Mug', prices: [eur(1)] }, customerToken)).statusCode,
    ).toBe(403);
    expect((await listProductsAs(listProducts, {}, customerToken)).statusCode).toBe(403);
    expect(await tables.snapshot()).toEqual(before);
  });
});

import { freshInventoryTables, type InventoryTables } from '../test/fresh-inventory-tables';
import { customerToken, getStockOf, newSku, putStock } from '../test/requests';
import { handler as getStock } from './get-stock.handler';
import { handler as setStock } from './set-stock.handler';

let tables: InventoryTables;
beforeAll(async () => {
  tables = await freshInventoryTables();
});
afterAll(() => tables.close());

describe('PUT and GET /inventory/items/{sku}', () => {
  it('sets the available stock and reads back { sku, available, reserved }', async () => {
    const sku = newSku();
    const put = await putStock(setStock, sku, { available: 12 });
    expect(put.statusCode).toBe(200);
    expect(put.headers?.['content-type']).toBe('application/json');
    expect(put.json).toEqual({ sku, available: 12, reserved: 0 });

    const got = await getStockOf(getStock, sku);
    expect(got.statusCode).toBe(200);
    expect(got.json).toEqual({ sku, available: 12, reserved: 0 });
  });

  it('answers 404 problem+json for a SKU never stocked', async () => {
    const response = await getStockOf(getStock, newSku());
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.json).toMatchObject({ code: 'INVENTORY.SKU_NOT_FOUND' });
  });

  it.each([
    [{ available: -1 }, 'available'],
    [{ available: 2.5 }, 'available'],
    [{ available: '7' }, 'available'],
    [{}, 'available'],
    [{ available: 3, reserved: 0 }, 'reserved'],
  ])('refuses the body %j with 400 problem+json naming %s, writing nothing', async (body, field) => {
    const before = await tables.snapshot();
    const response = await putStock(setStock, newSku(), body);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.json).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
    expect(await tables.snapshot()).toEqual(before);
  });

  it('refuses a malformed SKU in the path with 400 naming sku, writing nothing', async () => {
    const before = await tables.snapshot();
    const response = await putStock(setStock, 'not a sku', { available: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      errors: [{ field: 'sku', message: expect.stringMatching(/^sku must be 2-32 characters/) }],
    });
    expect(await tables.snapshot()).toEqual(before);
  });

  it('answers 403 to a caller who is not an admin, writing nothing', async () => {
    const before = await tables.snapshot();
    const response = await putStock(setStock, newSku(), { available: 1 }, customerToken);
    expect(response.statusCode).toBe(403);
    expect(response.json).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect((await getStockOf(getStock, newSku(), customerToken)).statusCode).toBe(403);
    expect(await tables.snapshot()).toEqual(before);
  });
});

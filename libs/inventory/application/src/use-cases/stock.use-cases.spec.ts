import { createFakes } from '../../test/use-case-fixtures';
import { GetStock } from './get-stock.use-case';
import { SetStock } from './set-stock.use-case';

describe('SetStock and GetStock', () => {
  it('sets what is available and reads it back', async () => {
    const fakes = createFakes();
    await new SetStock(fakes).execute({ sku: 'A1', available: 4 });
    expect((await new GetStock(fakes).execute({ sku: 'A1' })).toLevel()).toEqual({
      sku: 'A1',
      available: 4,
      reserved: 0,
    });
  });

  it('answers an unknown SKU as not found', async () => {
    await expect(new GetStock(createFakes()).execute({ sku: 'ZZ' })).rejects.toMatchObject({
      code: 'INVENTORY.SKU_NOT_FOUND',
      kind: 'not-found',
    });
  });

  it.each([
    [{ sku: 'a1', available: 1 }, 'sku'],
    [{ sku: 'A1', available: -1 }, 'available'],
  ])('refuses %j naming %s, storing nothing', async (command, field) => {
    const fakes = createFakes();
    await expect(new SetStock(fakes).execute(command)).rejects.toMatchObject({
      kind: 'invalid',
      details: expect.objectContaining({ field }),
    });
    expect(await fakes.inventory.findBySku('A1')).toBeUndefined();
  });
});

import { InMemoryCatalogPrices } from '../testing/in-memory-catalog-prices';
import { ApplyCatalogChange } from './apply-catalog-change.use-case';

import type { CatalogChange } from './apply-catalog-change.use-case';

const priced = (version: number, amountMinor: number): CatalogChange => ({
  eventType: 'ProductPriced',
  payload: { sku: 'MUG-1', name: 'Mug', prices: [{ currency: 'EUR', amountMinor }], version },
});

describe('ApplyCatalogChange', () => {
  it('keeps the newest version: a stale or repeated event changes nothing', async () => {
    const catalogPrices = new InMemoryCatalogPrices();
    const apply = new ApplyCatalogChange({ catalogPrices });
    expect(await apply.execute(priced(2, 990))).toBe('applied');
    expect(await apply.execute(priced(1, 1250))).toBe('stale');
    expect(await apply.execute(priced(2, 990))).toBe('stale');
    expect((await catalogPrices.find(['MUG-1'])).get('MUG-1')).toEqual({
      sku: 'MUG-1',
      status: 'ACTIVE',
      prices: { EUR: 990 },
      version: 2,
    });
  });

  it('retires a product for good: an older price arriving later does not bring it back', async () => {
    const catalogPrices = new InMemoryCatalogPrices();
    const apply = new ApplyCatalogChange({ catalogPrices });
    await apply.execute({ eventType: 'ProductRetired', payload: { sku: 'MUG-1', version: 3 } });
    expect(await apply.execute(priced(2, 990))).toBe('stale');
    expect((await catalogPrices.find(['MUG-1'])).get('MUG-1')).toMatchObject({ status: 'RETIRED', prices: {} });
  });
});

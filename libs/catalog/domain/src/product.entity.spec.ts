import { InvalidProduct, ProductIsRetired } from './errors';
import { Product } from './product.entity';

const now = new Date('2026-01-02T03:04:05.000Z');
const later = new Date('2026-01-03T03:04:05.000Z');
const eur = { currency: 'EUR', amountMinor: 1250 };
const mug = () =>
  Product.define({ sku: 'MUG-1', name: ' Mug ', prices: [{ currency: 'USD', amountMinor: 1399 }, eur], now });

describe('Product', () => {
  it('starts at version 1, active, its name trimmed and its prices sorted by currency', () => {
    expect(mug().toSnapshot()).toEqual({
      sku: 'MUG-1',
      name: 'Mug',
      prices: [eur, { currency: 'USD', amountMinor: 1399 }],
      status: 'ACTIVE',
      version: 1,
      updatedAt: now,
    });
  });

  it.each([
    ['sku', { sku: 'mug', name: 'Mug', prices: [eur] }],
    ['name', { sku: 'MUG-1', name: ' ', prices: [eur] }],
    ['prices', { sku: 'MUG-1', name: 'Mug', prices: [] }],
    ['prices[1].currency', { sku: 'MUG-1', name: 'Mug', prices: [eur, { ...eur, amountMinor: 1 }] }],
    ['prices[0].amountMinor', { sku: 'MUG-1', name: 'Mug', prices: [{ ...eur, amountMinor: -1 }] }],
    ['prices[0].amountMinor', { sku: 'MUG-1', name: 'Mug', prices: [{ ...eur, amountMinor: 0.5 }] }],
    ['prices[0].currency', { sku: 'MUG-1', name: 'Mug', prices: [{ ...eur, currency: 'eur' }] }],
  ])('refuses a bad %s with InvalidProduct naming it', (field, input) => {
    expect(() => Product.define({ ...input, now })).toThrow(
      expect.objectContaining({ code: 'CATALOG.INVALID_PRODUCT', details: expect.objectContaining({ field }) }),
    );
  });

  it('counts a new price up one version', () => {
    const { product, change } = mug().reprice({ name: 'Mug', prices: [{ ...eur, amountMinor: 990 }], now: later });
    expect(change).toEqual({ kind: 'priced' });
    expect(product.toSnapshot()).toMatchObject({
      version: 2,
      prices: [{ currency: 'EUR', amountMinor: 990 }],
      updatedAt: later,
    });
  });

  it('keeps the version when a repeated PUT changes nothing, whatever order the prices came in', () => {
    const { product, change } = mug().reprice({
      name: 'Mug',
      prices: [eur, { currency: 'USD', amountMinor: 1399 }],
      now: later,
    });
    expect(change).toEqual({ kind: 'unchanged' });
    expect(product.version).toBe(1);
  });

  it('retires once: the second retire changes nothing, and a retired product cannot be priced again', () => {
    const retired = mug().retire(later);
    expect(retired).toMatchObject({ change: { kind: 'retired' } });
    expect(retired.product.toSnapshot()).toMatchObject({ status: 'RETIRED', version: 2 });
    expect(retired.product.retire(later)).toEqual({ product: retired.product, change: { kind: 'unchanged' } });
    expect(() => retired.product.reprice({ name: 'Mug', prices: [eur], now })).toThrow(ProductIsRetired);
  });

  it('refuses a stored record that is no longer a valid product', () => {
    expect(() => Product.restore({ ...mug().toSnapshot(), version: 0 })).toThrow(InvalidProduct);
  });
});

import { StockCountExceeded } from './errors';
import { StockItem } from './stock-item.entity';

describe('StockItem', () => {
  it('moves units from available to reserved and back, never below zero', () => {
    const item = StockItem.fromLevel({ sku: 'SKU-1', available: 3, reserved: 0 });
    const reserved = item.reserve(2);
    expect(reserved.toLevel()).toEqual({ sku: 'SKU-1', available: 1, reserved: 2 });
    expect(reserved.release(2).toLevel()).toEqual({ sku: 'SKU-1', available: 3, reserved: 0 });
    expect(item.toLevel()).toEqual({ sku: 'SKU-1', available: 3, reserved: 0 });
  });

  it('refuses to reserve more than is available, or release more than is reserved', () => {
    const item = StockItem.fromLevel({ sku: 'SKU-1', available: 1, reserved: 1 });
    expect(() => item.reserve(2)).toThrow(StockCountExceeded);
    expect(() => item.release(2)).toThrow(
      expect.objectContaining({
        code: 'INVENTORY.COUNT_EXCEEDED',
        details: expect.objectContaining({ operation: 'release', has: 1 }),
      }),
    );
  });

  it('sets what is available, keeping what is reserved', () => {
    expect(StockItem.fromLevel({ sku: 'AB', available: 1, reserved: 4 }).withAvailable(9).toLevel()).toEqual({
      sku: 'AB',
      available: 9,
      reserved: 4,
    });
    expect(StockItem.empty('AB').toLevel()).toEqual({ sku: 'AB', available: 0, reserved: 0 });
  });

  it.each([-1, 1.5, Number.NaN, 10_000_001])('refuses %p as available, naming the field', (available) => {
    expect(() => StockItem.empty('AB').withAvailable(available)).toThrow(
      expect.objectContaining({
        code: 'INVENTORY.INVALID_COUNT',
        kind: 'invalid',
        details: expect.objectContaining({ field: 'available' }),
      }),
    );
  });

  it('refuses a malformed SKU', () => {
    expect(() => StockItem.empty('a b')).toThrow(
      expect.objectContaining({ code: 'INVENTORY.INVALID_SKU', details: { field: 'sku' } }),
    );
  });
});

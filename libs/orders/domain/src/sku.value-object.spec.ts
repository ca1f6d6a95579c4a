import { InvalidSku } from './errors';
import { Sku } from './sku.value-object';

describe('Sku', () => {
  it.each(['AB', 'SKU-1', '9X', 'A'.repeat(32)])('accepts %s', (value) => {
    expect(Sku.create(value).value).toBe(value);
  });

  it.each(['A', '-AB', 'sku-1', 'A'.repeat(33), 'A B', ''])('rejects %p as INVALID_SKU naming the field', (value) => {
    const attempt = () => Sku.create(value, 'lines[2].sku');
    expect(attempt).toThrow(InvalidSku);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'ORDER.INVALID_SKU', kind: 'unprocessable', details: { field: 'lines[2].sku' } }),
    );
  });

  it('compares by value', () => {
    expect(Sku.create('AB').equals(Sku.create('AB'))).toBe(true);
    expect(Sku.create('AB').equals(Sku.create('AC'))).toBe(false);
  });
});

import { QuantityOutOfRange } from './errors';
import { Quantity } from './quantity.value-object';

describe('Quantity', () => {
  it.each([1, 999, 1000])('accepts %i', (value) => {
    expect(Quantity.create(value).value).toBe(value);
  });

  it.each([0, 1001, -3, 2.5, Number.NaN])('rejects %p as QUANTITY_OUT_OF_RANGE naming the field', (value) => {
    expect(() => Quantity.create(value, 'lines[0].quantity')).toThrow(
      expect.objectContaining({
        code: 'ORDER.QUANTITY_OUT_OF_RANGE',
        details: { field: 'lines[0].quantity', min: 1, max: 1000 },
      }),
    );
    expect(() => Quantity.create(value)).toThrow(QuantityOutOfRange);
  });
});

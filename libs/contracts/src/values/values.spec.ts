import { MONEY_MAX_AMOUNT_MINOR, MoneySchema, MoneyTotalSchema } from './money.schema';
import { QUANTITY_MAX, QUANTITY_MIN, QuantitySchema } from './quantity.schema';
import { SkuSchema } from './sku.schema';

describe('SkuSchema', () => {
  it.each(['AB', 'SKU-1', 'A'.repeat(32), '9-'])('accepts %s', (sku) => {
    expect(SkuSchema.safeParse(sku).success).toBe(true);
  });
  it.each(['A', '-AB', 'ab', 'A'.repeat(33), 'A B', 12])('rejects %p', (sku) => {
    expect(SkuSchema.safeParse(sku).success).toBe(false);
  });
});

describe('QuantitySchema', () => {
  it.each([QUANTITY_MIN, QUANTITY_MAX])('accepts the bound %i', (quantity) => {
    expect(QuantitySchema.parse(quantity)).toBe(quantity);
  });
  it.each([QUANTITY_MIN - 1, QUANTITY_MAX + 1, 1.5, '3'])('rejects %p with the rule in the message', (quantity) => {
    const result = QuantitySchema.safeParse(quantity);
    expect(result.error?.issues[0]?.message).toBe(`must be an integer from ${QUANTITY_MIN} to ${QUANTITY_MAX}`);
  });
});

describe('MoneySchema', () => {
  it('accepts the largest price', () => {
    expect(MoneySchema.safeParse({ amountMinor: MONEY_MAX_AMOUNT_MINOR, currency: 'EUR' }).success).toBe(true);
  });
  it.each([
    [{ amountMinor: MONEY_MAX_AMOUNT_MINOR + 1, currency: 'EUR' }, 'amountMinor'],
    [{ amountMinor: -1, currency: 'EUR' }, 'amountMinor'],
    [{ amountMinor: 1.5, currency: 'EUR' }, 'amountMinor'],
    [{ amountMinor: 1, currency: 'eur' }, 'currency'],
    [{ amountMinor: 1 }, 'currency'],
  ])('rejects %j on %s', (money, field) => {
    expect(MoneySchema.safeParse(money).error?.issues[0]?.path).toEqual([field]);
  });
  it('rejects unknown fields', () => {
    expect(MoneySchema.safeParse({ amountMinor: 1, currency: 'EUR', rate: 1 }).success).toBe(false);
  });
  it('says a missing field is required', () => {
    expect(MoneySchema.safeParse({ currency: 'EUR' }).error?.issues[0]?.message).toBe('is required');
  });
});

describe('MoneyTotalSchema', () => {
  it('accepts totals above the price limit up to the largest safe integer', () => {
    expect(MoneyTotalSchema.safeParse({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' }).success).toBe(true);
    expect(MoneyTotalSchema.safeParse({ amountMinor: Number.MAX_SAFE_INTEGER + 1, currency: 'EUR' }).success).toBe(
      false,
    );
  });
});

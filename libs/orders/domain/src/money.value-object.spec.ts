import { InvalidMoney, MixedCurrencies, MoneyOverflow } from './errors';
import { Money } from './money.value-object';

const eur = (amountMinor: number) => Money.create({ amountMinor, currency: 'EUR' });

describe('Money', () => {
  it('holds integer minor units and a currency, frozen', () => {
    const money = eur(1250);
    expect(money.toData()).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(Object.isFrozen(money)).toBe(true);
  });

  it.each([
    [{ amountMinor: -1, currency: 'EUR' }, 'price.amountMinor'],
    [{ amountMinor: 1.5, currency: 'EUR' }, 'price.amountMinor'],
    [{ amountMinor: Number.NaN, currency: 'EUR' }, 'price.amountMinor'],
    [{ amountMinor: Number.MAX_SAFE_INTEGER + 1, currency: 'EUR' }, 'price.amountMinor'],
    [{ amountMinor: 1, currency: 'eur' }, 'price.currency'],
    [{ amountMinor: 1, currency: 'EURO' }, 'price.currency'],
    [null, 'price'],
  ])('rejects %j as INVALID_MONEY on %s', (data, field) => {
    const attempt = () => Money.create(data as never, 'price');
    expect(attempt).toThrow(InvalidMoney);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'ORDER.INVALID_MONEY',
        kind: 'unprocessable',
        details: expect.objectContaining({ field }),
      }),
    );
  });

  it('adds amounts of one currency', () => {
    expect(eur(100).add(eur(250)).equals(eur(350))).toBe(true);
  });

  it('refuses to add another currency', () => {
    expect(() => eur(100).add(Money.create({ amountMinor: 1, currency: 'USD' }))).toThrow(MixedCurrencies);
  });

  it('multiplies by a whole quantity', () => {
    expect(eur(1250).multiply(3).amountMinor).toBe(3750);
    expect(eur(1250).multiply(0).amountMinor).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN])('refuses to multiply by %p', (factor) => {
    expect(() => eur(1).multiply(factor)).toThrow(RangeError);
  });

  it('guards against leaving the exactly representable range', () => {
    const large = eur(Number.MAX_SAFE_INTEGER - 1);
    expect(large.add(eur(1)).amountMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => large.add(eur(2))).toThrow(MoneyOverflow);
    expect(() => eur(Math.ceil(Number.MAX_SAFE_INTEGER / 2)).multiply(2)).toThrow(
      expect.objectContaining({ code: 'ORDER.MONEY_OVERFLOW' }),
    );
  });

  it('returns a new value instead of changing itself', () => {
    const base = eur(100);
    base.add(eur(1));
    base.multiply(5);
    expect(base.amountMinor).toBe(100);
  });

  it('has a zero of any currency', () => {
    expect(Money.zero('GBP').toData()).toEqual({ amountMinor: 0, currency: 'GBP' });
  });
});

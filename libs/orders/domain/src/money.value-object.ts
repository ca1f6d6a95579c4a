import { CURRENCY_PATTERN } from '@harbor/contracts';
import { InvalidMoney, MixedCurrencies, MoneyOverflow } from './errors';

export interface MoneyData {
  readonly amountMinor: number;
  readonly currency: string;
}

/** An amount in integer minor units (cents) of one ISO 4217 currency; never a float. */
export class Money {
  private constructor(
    readonly amountMinor: number,
    readonly currency: string,
  ) {
    Object.freeze(this);
  }

  /** `field` names the money in errors, e.g. `lines[2].unitPrice`. */
  static create(data: MoneyData, field = 'money'): Money {
    if (typeof data !== 'object' || data === null) {
      throw new InvalidMoney({ field, rule: 'must be an object with amountMinor and currency' });
    }
    const { amountMinor, currency } = data;
    if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
      throw new InvalidMoney({
        field: `${field}.amountMinor`,
        rule: 'must be a non-negative integer number of minor units',
      });
    }
    if (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency)) {
      throw new InvalidMoney({ field: `${field}.currency`, rule: 'must be a three-letter ISO 4217 code in capitals' });
    }
    return new Money(amountMinor, currency);
  }

  static zero(currency: string): Money {
    return Money.create({ amountMinor: 0, currency });
  }

  add(other: Money): Money {
    if (other.currency !== this.currency) {
      throw new MixedCurrencies({ field: 'currency', expected: this.currency, actual: other.currency });
    }
    return new Money(Money.guard(this.amountMinor + other.amountMinor, 'add'), this.currency);
  }

  /** Scales by a whole, non-negative factor such as a line's quantity. */
  multiply(factor: number): Money {
    if (!Number.isSafeInteger(factor) || factor < 0) {
      throw new RangeError(`Money can only be multiplied by a non-negative integer, got ${factor}`);
    }
    return new Money(Money.guard(this.amountMinor * factor, 'multiply'), this.currency);
  }

  equals(other: Money): boolean {
    return other.amountMinor === this.amountMinor && other.currency === this.currency;
  }

  toData(): MoneyData {
    return { amountMinor: this.amountMinor, currency: this.currency };
  }

  private static guard(amountMinor: number, operation: string): number {
    // Past MAX_SAFE_INTEGER a double silently rounds, and money must never round.
    if (amountMinor > Number.MAX_SAFE_INTEGER) throw new MoneyOverflow({ operation });
    return amountMinor;
  }
}

import { SKU_PATTERN } from '@harbor/contracts';
import { InvalidSku } from './errors';

/** A stock-keeping unit code: what inventory counts stock by. */
export class Sku {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  static create(value: string, field = 'sku'): Sku {
    if (typeof value !== 'string' || !SKU_PATTERN.test(value)) throw new InvalidSku({ field });
    return new Sku(value);
  }

  equals(other: Sku): boolean {
    return other.value === this.value;
  }
}

import { QUANTITY_MAX, QUANTITY_MIN } from '@harbor/contracts';
import { QuantityOutOfRange } from './errors';

/** How many units of one SKU a line orders. */
export class Quantity {
  static readonly MIN = QUANTITY_MIN;
  static readonly MAX = QUANTITY_MAX;

  private constructor(readonly value: number) {
    Object.freeze(this);
  }

  static create(value: number, field = 'quantity'): Quantity {
    if (!Number.isInteger(value) || value < Quantity.MIN || value > Quantity.MAX) {
      throw new QuantityOutOfRange({ field, min: Quantity.MIN, max: Quantity.MAX });
    }
    return new Quantity(value);
  }

  equals(other: Quantity): boolean {
    return other.value === this.value;
  }
}

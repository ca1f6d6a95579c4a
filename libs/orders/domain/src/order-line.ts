import { MONEY_MAX_AMOUNT_MINOR } from '@harbor/contracts';
import { InvalidMoney } from './errors';
import { Money, type MoneyData } from './money.value-object';
import { Quantity } from './quantity.value-object';
import { Sku } from './sku.value-object';

/** One line as plain data: what commands carry, snapshots store and events publish. */
export interface OrderLineData {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: MoneyData;
}

/** A quantity of one SKU at a unit price. */
export class OrderLine {
  static readonly MAX_UNIT_PRICE_MINOR = MONEY_MAX_AMOUNT_MINOR;

  private constructor(
    readonly sku: Sku,
    readonly quantity: Quantity,
    readonly unitPrice: Money,
  ) {
    Object.freeze(this);
  }

  /** `field` names the line in errors, e.g. `lines[3]`. */
  static create(data: OrderLineData, field = 'line'): OrderLine {
    const sku = Sku.create(data.sku, `${field}.sku`);
    const quantity = Quantity.create(data.quantity, `${field}.quantity`);
    const unitPrice = Money.create(data.unitPrice, `${field}.unitPrice`);
    if (unitPrice.amountMinor > OrderLine.MAX_UNIT_PRICE_MINOR) {
      throw new InvalidMoney({
        field: `${field}.unitPrice.amountMinor`,
        rule: `must be at most ${OrderLine.MAX_UNIT_PRICE_MINOR}`,
      });
    }
    return new OrderLine(sku, quantity, unitPrice);
  }

  get lineTotal(): Money {
    return this.unitPrice.multiply(this.quantity.value);
  }

  toData(): OrderLineData {
    return { sku: this.sku.value, quantity: this.quantity.value, unitPrice: this.unitPrice.toData() };
  }
}

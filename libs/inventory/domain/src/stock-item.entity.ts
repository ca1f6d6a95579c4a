import { StockCountExceeded } from './errors';
import { Sku } from './sku.value-object';
import { availableCount, stockCount } from './stock-count';

/** One SKU's stock as plain data: what repositories store and the API shows. */
export interface StockLevel {
  readonly sku: string;
  /** Units free to reserve. */
  readonly available: number;
  /** Units held for orders that have not been cancelled. */
  readonly reserved: number;
}

/**
 * One SKU's stock. Reserving moves units from available to reserved, releasing moves them back; neither count
 * ever goes below zero. Immutable: every change answers a new StockItem.
 */
export class StockItem {
  private constructor(private readonly level: StockLevel) {
    Object.freeze(this);
  }

  /** A SKU that was never stocked: nothing available, nothing reserved. */
  static empty(sku: string): StockItem {
    return new StockItem({ sku: Sku.create(sku).value, available: 0, reserved: 0 });
  }

  static fromLevel(level: StockLevel): StockItem {
    return new StockItem({
      sku: Sku.create(level.sku).value,
      available: stockCount(level.available, 'available'),
      reserved: stockCount(level.reserved, 'reserved'),
    });
  }

  get sku(): string {
    return this.level.sku;
  }
  get available(): number {
    return this.level.available;
  }
  get reserved(): number {
    return this.level.reserved;
  }

  /** The admin sets what is available from now on; what is reserved stays reserved. */
  withAvailable(available: number): StockItem {
    return new StockItem({ ...this.level, available: availableCount(available) });
  }

  canReserve(quantity: number): boolean {
    return this.level.available >= quantity;
  }

  reserve(quantity: number): StockItem {
    if (!this.canReserve(quantity))
      throw new StockCountExceeded({ sku: this.sku, operation: 'reserve', quantity, has: this.available });
    return new StockItem({ ...this.level, available: this.available - quantity, reserved: this.reserved + quantity });
  }

  release(quantity: number): StockItem {
    if (this.reserved < quantity)
      throw new StockCountExceeded({ sku: this.sku, operation: 'release', quantity, has: this.reserved });
    return new StockItem({ ...this.level, available: this.available + quantity, reserved: this.reserved - quantity });
  }

  toLevel(): StockLevel {
    return { ...this.level };
  }
}

import { QUANTITY_MAX, QUANTITY_MIN, STOCK_AVAILABLE_MAX } from '@harbor/contracts';
import { InvalidStockCount } from './errors';

/** Units of stock are whole and never negative; `max` bounds what one value may hold. */
export function stockCount(value: number, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new InvalidStockCount({ field, min: 0, max });
  return value;
}

/** What an admin may set as available. */
export const availableCount = (value: number, field = 'available'): number =>
  stockCount(value, field, STOCK_AVAILABLE_MAX);

/** How many units of one SKU one order line asks for. */
export function lineQuantity(value: number, field = 'quantity'): number {
  if (!Number.isInteger(value) || value < QUANTITY_MIN || value > QUANTITY_MAX) {
    throw new InvalidStockCount({ field, min: QUANTITY_MIN, max: QUANTITY_MAX });
  }
  return value;
}

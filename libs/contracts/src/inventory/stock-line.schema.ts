import * as z from 'zod';
import { ORDER_LINES_MAX, ORDER_LINES_MIN } from '../orders/order-limits';
import { QuantitySchema } from '../values/quantity.schema';
import { SkuSchema } from '../values/sku.schema';
import { requiredOr } from '../validation/issue-messages';

/** How many units of one SKU a reservation holds. */
export const StockLineSchema = z.strictObject(
  { sku: SkuSchema, quantity: QuantitySchema },
  { error: requiredOr('must be an object with sku and quantity') },
);
export type StockLineDto = z.output<typeof StockLineSchema>;

const lineCount = `must hold ${ORDER_LINES_MIN} to ${ORDER_LINES_MAX} lines`;
export const StockLinesSchema = z
  .array(StockLineSchema, { error: requiredOr('must be an array of stock lines') })
  .min(ORDER_LINES_MIN, { error: lineCount })
  .max(ORDER_LINES_MAX, { error: lineCount });

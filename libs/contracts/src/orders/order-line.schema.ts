import * as z from 'zod';
import { MoneySchema } from '../values/money.schema';
import { QuantitySchema } from '../values/quantity.schema';
import { SkuSchema } from '../values/sku.schema';
import { requiredOr } from '../validation/issue-messages';
import { ORDER_LINES_MAX, ORDER_LINES_MIN } from './order-limits';

export const OrderLineSchema = z.strictObject(
  { sku: SkuSchema, quantity: QuantitySchema, unitPrice: MoneySchema },
  { error: requiredOr('must be an object with sku, quantity and unitPrice') },
);
export type OrderLineDto = z.output<typeof OrderLineSchema>;

const lineCount = `must hold ${ORDER_LINES_MIN} to ${ORDER_LINES_MAX} lines`;

export const OrderLinesSchema = z
  .array(OrderLineSchema, { error: requiredOr('must be an array of order lines') })
  .min(ORDER_LINES_MIN, { error: lineCount })
  .max(ORDER_LINES_MAX, { error: lineCount });

/**
 * A line as a customer asks for it: a SKU and a quantity. The price is never the client's to say: orders prices
 * each line from its copy of the catalog, and a line that still carries a `unitPrice` is refused naming it.
 */
export const OrderRequestLineSchema = z.strictObject(
  { sku: SkuSchema, quantity: QuantitySchema },
  { error: requiredOr('must be an object with sku and quantity') },
);

export const OrderRequestLinesSchema = z
  .array(OrderRequestLineSchema, { error: requiredOr('must be an array of order lines') })
  .min(ORDER_LINES_MIN, { error: lineCount })
  .max(ORDER_LINES_MAX, { error: lineCount });

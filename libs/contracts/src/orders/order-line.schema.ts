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

import * as z from 'zod';
import { SkuSchema } from '../../values/sku.schema';

/** One SKU's stock as the admin API shows it; built from an allow-list so no stored field leaks. */
export const StockItemResponse = z.strictObject({
  sku: SkuSchema,
  available: z.int().min(0),
  reserved: z.int().min(0),
});
export type StockItemResponse = z.output<typeof StockItemResponse>;

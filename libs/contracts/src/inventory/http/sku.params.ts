import * as z from 'zod';
import { SkuSchema } from '../../values/sku.schema';

/** Path parameters of `/inventory/items/{sku}` routes. */
export const SkuParams = z.object({ sku: SkuSchema });
export type SkuParams = z.output<typeof SkuParams>;

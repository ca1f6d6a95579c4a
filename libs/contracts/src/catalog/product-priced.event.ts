import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { SkuSchema } from '../values/sku.schema';
import { ProductNameSchema, ProductPricesSchema, ProductVersionSchema } from './product-prices.schema';

/**
 * A product was put on sale, or its name or prices changed: the whole price list as of `version`. Orders keeps
 * it as its read model and prices every line from it; a copy with a lower version than it holds is stale.
 */
export const ProductPriced = defineEvent(
  'ProductPriced',
  1,
  z.object({ sku: SkuSchema, name: ProductNameSchema, prices: ProductPricesSchema, version: ProductVersionSchema }),
);
export type ProductPricedPayload = PayloadOf<typeof ProductPriced>;

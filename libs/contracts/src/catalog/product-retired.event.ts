import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { SkuSchema } from '../values/sku.schema';
import { ProductVersionSchema } from './product-prices.schema';

/** A product is no longer sold, as of `version`: orders refuses new lines for it. */
export const ProductRetired = defineEvent(
  'ProductRetired',
  1,
  z.object({ sku: SkuSchema, version: ProductVersionSchema }),
);
export type ProductRetiredPayload = PayloadOf<typeof ProductRetired>;

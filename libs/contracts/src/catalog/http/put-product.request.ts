import * as z from 'zod';
import { requiredOr } from '../../validation/issue-messages';
import { ProductNameSchema, ProductPricesSchema } from '../product-prices.schema';

/** Body of `PUT /catalog/products/{sku}`: the product's name and its whole price list. Unknown fields are refused. */
export const PutProductRequest = z.strictObject(
  { name: ProductNameSchema, prices: ProductPricesSchema },
  { error: requiredOr('must be a JSON object with name and prices') },
);
export type PutProductRequest = z.output<typeof PutProductRequest>;

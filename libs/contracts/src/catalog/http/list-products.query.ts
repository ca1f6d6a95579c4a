import * as z from 'zod';
import { SkuSchema } from '../../values/sku.schema';

export const PRODUCT_PAGE_LIMIT_MAX = 100;
export const PRODUCT_PAGE_LIMIT_DEFAULT = 25;

const limitRule = `must be an integer from 1 to ${PRODUCT_PAGE_LIMIT_MAX}`;

/**
 * Query string of `GET /catalog/products`. Products come in SKU order; `after` is the last SKU of the previous
 * page (the page's `nextAfter`), so a cursor is a plain SKU that cannot point anywhere but a product key.
 */
export const ListProductsQuery = z.object({
  limit: z
    .string({ error: limitRule })
    .regex(/^\d{1,3}$/, { error: limitRule })
    .transform(Number)
    .pipe(z.int().min(1, { error: limitRule }).max(PRODUCT_PAGE_LIMIT_MAX, { error: limitRule }))
    .default(PRODUCT_PAGE_LIMIT_DEFAULT),
  after: SkuSchema.optional(),
});
export type ListProductsQuery = z.output<typeof ListProductsQuery>;

import * as z from 'zod';

/** Schemas shaped like the orders contracts, so the stack is exercised as real routes use it. */
export const PlaceOrderBody = z.strictObject({
  lines: z
    .array(z.strictObject({ sku: z.string().regex(/^[A-Z0-9-]{2,32}$/), quantity: z.int().min(1).max(1000) }))
    .min(1),
});

export const ListQuery = z.strictObject({
  limit: z.string().regex(/^\d+$/, { error: 'must be an integer' }).transform(Number).default(20),
});

export const OrderPath = z.strictObject({ orderId: z.uuid({ error: 'must be a UUID' }) });

import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { OrderIdSchema } from '../orders/order-identifiers.schema';
import { QuantitySchema } from '../values/quantity.schema';
import { SkuSchema } from '../values/sku.schema';
import { requiredOr } from '../validation/issue-messages';

export const STOCK_SHORTAGE_CODES = ['INSUFFICIENT_STOCK', 'UNKNOWN_SKU'] as const;

/**
 * Why one SKU of an order could not be reserved. `sku` and `reason` are what an order's rejection reasons hold;
 * `code`, `requested` and `available` (as inventory saw it) let a consumer act without parsing text.
 */
export const StockShortageSchema = z.object({
  sku: SkuSchema,
  code: z.enum(STOCK_SHORTAGE_CODES, { error: requiredOr(`must be one of ${STOCK_SHORTAGE_CODES.join(', ')}`) }),
  reason: z.string({ error: requiredOr('must be a string') }).min(1, { error: 'must not be empty' }),
  requested: QuantitySchema,
  available: z.int({ error: requiredOr('must be an integer') }).min(0, { error: 'must not be negative' }),
});
export type StockShortageDto = z.output<typeof StockShortageSchema>;

/** Inventory reserved nothing for an order: at least one line could not be served. One reason per short SKU. */
export const StockRejected = defineEvent(
  'StockRejected',
  1,
  z.object({
    orderId: OrderIdSchema,
    reasons: z.array(StockShortageSchema).min(1, { error: 'must hold at least one reason' }),
  }),
);
export type StockRejectedPayload = PayloadOf<typeof StockRejected>;

import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { SkuSchema } from '../values/sku.schema';
import { requiredOr } from '../validation/issue-messages';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';

export const RejectionReasonSchema = z.object({
  sku: SkuSchema,
  reason: z.string({ error: requiredOr('must be a string') }).min(1, { error: 'must not be empty' }),
});
export type RejectionReasonDto = z.output<typeof RejectionReasonSchema>;

/** The order could not be fulfilled; each reason names the line (by SKU) that failed. */
export const OrderRejected = defineEvent(
  'OrderRejected',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    reasons: z.array(RejectionReasonSchema).min(1, { error: 'must hold at least one reason' }),
  }),
);
export type OrderRejectedPayload = PayloadOf<typeof OrderRejected>;

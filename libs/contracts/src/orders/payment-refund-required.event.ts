import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { MoneyTotalSchema } from '../values/money.schema';
import { requiredOr } from '../validation/issue-messages';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';

/**
 * A payment reached an order that can no longer take it (it expired first): the money is recorded against the
 * order and must be given back, never silently kept.
 */
export const PaymentRefundRequired = defineEvent(
  'PaymentRefundRequired',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    paymentId: z.string({ error: requiredOr('must be a string') }).min(1, { error: 'must not be empty' }),
    amount: MoneyTotalSchema,
    /** Why the order refused it: the status it was in. */
    orderStatus: z.literal('EXPIRED', { error: 'must be EXPIRED' }),
  }),
);
export type PaymentRefundRequiredPayload = PayloadOf<typeof PaymentRefundRequired>;

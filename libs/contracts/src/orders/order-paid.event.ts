import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { MoneyTotalSchema } from '../values/money.schema';
import { requiredOr } from '../validation/issue-messages';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';

/** The confirmed order's payment succeeded. */
export const OrderPaid = defineEvent(
  'OrderPaid',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    paymentId: z.string({ error: requiredOr('must be a string') }).min(1, { error: 'must not be empty' }),
    total: MoneyTotalSchema,
  }),
);
export type OrderPaidPayload = PayloadOf<typeof OrderPaid>;

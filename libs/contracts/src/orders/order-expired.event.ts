import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';
import { OrderLinesSchema } from './order-line.schema';

/**
 * A confirmed order was not paid within its payment window. It carries its lines so inventory releases what it
 * reserved, as for OrderCancelled.
 */
export const OrderExpired = defineEvent(
  'OrderExpired',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    lines: OrderLinesSchema,
    /** When its payment window closed (ISO 8601). */
    paymentDueAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
  }),
);
export type OrderExpiredPayload = PayloadOf<typeof OrderExpired>;

import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';
import { OrderLinesSchema } from './order-line.schema';
import { CancellableOrderStatusSchema } from './order-status.schema';

/** An order was cancelled; it carries its lines so inventory can release what it reserved. */
export const OrderCancelled = defineEvent(
  'OrderCancelled',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    lines: OrderLinesSchema,
    previousStatus: CancellableOrderStatusSchema,
  }),
);
export type OrderCancelledPayload = PayloadOf<typeof OrderCancelled>;

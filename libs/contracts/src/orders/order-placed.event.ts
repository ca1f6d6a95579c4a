import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { MoneyTotalSchema } from '../values/money.schema';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';
import { OrderLinesSchema } from './order-line.schema';

/** A customer placed an order; inventory reserves its lines. */
export const OrderPlaced = defineEvent(
  'OrderPlaced',
  1,
  z.object({ orderId: OrderIdSchema, customerId: CustomerIdSchema, lines: OrderLinesSchema, total: MoneyTotalSchema }),
);
export type OrderPlacedPayload = PayloadOf<typeof OrderPlaced>;

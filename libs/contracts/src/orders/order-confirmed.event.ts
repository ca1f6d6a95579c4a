import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { MoneyTotalSchema } from '../values/money.schema';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';

/** Every line of the order was reserved; it awaits payment. */
export const OrderConfirmed = defineEvent(
  'OrderConfirmed',
  1,
  z.object({ orderId: OrderIdSchema, customerId: CustomerIdSchema, total: MoneyTotalSchema }),
);
export type OrderConfirmedPayload = PayloadOf<typeof OrderConfirmed>;

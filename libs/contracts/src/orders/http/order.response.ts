import * as z from 'zod';
import { MoneyTotalSchema } from '../../values/money.schema';
import { CustomerIdSchema, OrderIdSchema } from '../order-identifiers.schema';
import { OrderLineSchema } from '../order-line.schema';
import { OrderStatusSchema } from '../order-status.schema';

/** One order as the API shows it; built from an allow-list so no stored field leaks. */
export const OrderResponse = z.object({
  orderId: OrderIdSchema,
  customerId: CustomerIdSchema,
  status: OrderStatusSchema,
  lines: z.array(OrderLineSchema),
  total: MoneyTotalSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type OrderResponse = z.output<typeof OrderResponse>;

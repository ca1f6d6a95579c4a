import * as z from 'zod';
import { OrderResponse } from './order.response';

/** A page of `GET /orders`; `nextToken` is present only when more orders follow. */
export const OrderPageResponse = z.object({
  items: z.array(OrderResponse),
  nextToken: z.string().optional(),
});
export type OrderPageResponse = z.output<typeof OrderPageResponse>;

import * as z from 'zod';
import { OrderIdSchema } from '../order-identifiers.schema';

/** Path parameters of `/orders/{orderId}` routes. */
export const OrderIdParams = z.object({ orderId: OrderIdSchema });
export type OrderIdParams = z.output<typeof OrderIdParams>;

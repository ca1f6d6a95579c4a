import * as z from 'zod';

export const ORDER_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'PAID', 'CANCELLED', 'EXPIRED'] as const;

export const OrderStatusSchema = z.enum(ORDER_STATUSES, { error: `must be one of ${ORDER_STATUSES.join(', ')}` });
export type OrderStatusDto = z.output<typeof OrderStatusSchema>;

/** The statuses an order can be cancelled from. */
export const CancellableOrderStatusSchema = OrderStatusSchema.extract(['PENDING', 'CONFIRMED']);

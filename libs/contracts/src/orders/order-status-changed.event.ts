import * as z from 'zod';
import { defineEvent, type PayloadOf } from '../events/define-event';
import { MoneyTotalSchema } from '../values/money.schema';
import { CustomerIdSchema, OrderIdSchema } from './order-identifiers.schema';
import { OrderStatusSchema } from './order-status.schema';

/**
 * An order entered a new status (PENDING when placed). Travels on the `order-status` SNS topic, whose
 * subscribers filter on the message attributes `orderStatusAttributes` derives from it.
 */
export const OrderStatusChanged = defineEvent(
  'OrderStatusChanged',
  1,
  z.object({
    orderId: OrderIdSchema,
    customerId: CustomerIdSchema,
    status: OrderStatusSchema,
    /** Absent for a newly placed order. */
    previousStatus: OrderStatusSchema.optional(),
    total: MoneyTotalSchema,
  }),
);
export type OrderStatusChangedPayload = PayloadOf<typeof OrderStatusChanged>;

/** One SNS message attribute as the Publish API takes it. */
export interface SnsStringAttribute {
  readonly DataType: 'String' | 'Number';
  readonly StringValue: string;
}

/**
 * The message attributes of an OrderStatusChanged message: what `order-status` subscribers filter on
 * (`eventType`, `status`, `customerId`, `totalMinor` as a Number for numeric ranges), plus version and
 * correlation id.
 */
export function orderStatusAttributes(envelope: {
  readonly eventType: string;
  readonly version: number;
  readonly correlationId: string;
  readonly payload: OrderStatusChangedPayload;
}): Record<string, SnsStringAttribute> {
  return {
    eventType: { DataType: 'String', StringValue: envelope.eventType },
    version: { DataType: 'Number', StringValue: String(envelope.version) },
    status: { DataType: 'String', StringValue: envelope.payload.status },
    customerId: { DataType: 'String', StringValue: envelope.payload.customerId },
    totalMinor: { DataType: 'Number', StringValue: String(envelope.payload.total.amountMinor) },
    currency: { DataType: 'String', StringValue: envelope.payload.total.currency },
    correlationId: { DataType: 'String', StringValue: envelope.correlationId },
  };
}

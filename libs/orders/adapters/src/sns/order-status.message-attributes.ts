import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import { OrderStatusChanged, orderStatusAttributes, type EventEnvelope } from '@harbor/contracts';

/** The order-status topic's message attributes, from the contract; anything but a valid OrderStatusChanged throws. */
export function orderStatusMessageAttributes(envelope: EventEnvelope): Record<string, MessageAttributeValue> {
  return orderStatusAttributes(OrderStatusChanged.envelopeSchema.parse(envelope));
}

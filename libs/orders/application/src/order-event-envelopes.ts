import {
  OrderCancelled,
  OrderConfirmed,
  OrderExpired,
  OrderPaid,
  OrderPlaced,
  OrderRejected,
  PaymentRefundRequired,
  type EventContract,
  type EventEnvelope,
} from '@harbor/contracts';
import type { OrderDomainEvent, OrderDomainEventType } from '@harbor/orders-domain';
import type { IdGenerator } from './ports/id-generator.port';

/** The contract (and so the version) each domain event is published under. */
const contractByEventType: Readonly<Record<OrderDomainEventType, EventContract>> = {
  OrderPlaced,
  OrderConfirmed,
  OrderRejected,
  OrderPaid,
  OrderCancelled,
  OrderExpired,
  PaymentRefundRequired,
};

export interface EnvelopeOrigin {
  readonly idGenerator: IdGenerator;
  readonly occurredAt: Date;
  readonly correlationId: string;
  /** Defaults to the correlation id: a request is the direct cause of what it records. */
  readonly causationId?: string;
}

/**
 * Wraps domain events in contract envelopes. Each envelope is validated against its contract, so an event
 * that would break consumers fails here, before anything is written.
 */
export function toEventEnvelopes(events: readonly OrderDomainEvent[], origin: EnvelopeOrigin): EventEnvelope[] {
  const occurredAt = origin.occurredAt.toISOString();
  return events.map((event) => {
    const contract = contractByEventType[event.type];
    return contract.envelopeSchema.parse({
      eventId: origin.idGenerator.newId(),
      eventType: contract.name,
      version: contract.version,
      occurredAt,
      correlationId: origin.correlationId,
      causationId: origin.causationId ?? origin.correlationId,
      payload: event.payload,
    });
  });
}

import {
  StockRejected,
  StockReserved,
  type EventEnvelope,
  type StockRejectedPayload,
  type StockReservedPayload,
} from '@harbor/contracts';
import type { IdGenerator } from './ports/id-generator.port';

/** The event that caused what inventory publishes: its id becomes the causation, its correlation carries on. */
export interface EventCause {
  readonly eventId: string;
  readonly correlationId: string;
}

export interface EnvelopeOrigin {
  readonly idGenerator: IdGenerator;
  readonly occurredAt: Date;
  readonly cause: EventCause;
}

function envelope(
  contract: typeof StockReserved | typeof StockRejected,
  payload: unknown,
  origin: EnvelopeOrigin,
): EventEnvelope {
  // Validated against the contract, so an event that would break consumers fails here, before anything is written.
  return contract.envelopeSchema.parse({
    eventId: origin.idGenerator.newId(),
    eventType: contract.name,
    version: contract.version,
    occurredAt: origin.occurredAt.toISOString(),
    correlationId: origin.cause.correlationId,
    causationId: origin.cause.eventId,
    payload,
  });
}

export const stockReservedEnvelope = (payload: StockReservedPayload, origin: EnvelopeOrigin): EventEnvelope =>
  envelope(StockReserved, payload, origin);
export const stockRejectedEnvelope = (payload: StockRejectedPayload, origin: EnvelopeOrigin): EventEnvelope =>
  envelope(StockRejected, payload, origin);

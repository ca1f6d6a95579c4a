import type { EventEnvelope } from '@harbor/contracts';

/** Delivers envelopes to the bus (the outbox relay uses it). Resolves only once every event was accepted. */
export interface EventPublisher {
  publish(events: readonly EventEnvelope[]): Promise<void>;
}

import type { EventEnvelope } from '@harbor/contracts';

/** Delivers envelopes to the bus. Resolves only once every event was accepted (a service's EventPublisher port). */
export interface OutboxEventPublisher {
  publish(events: readonly EventEnvelope[]): Promise<void>;
}

/** The current time (a service's Clock port). */
export interface OutboxClock {
  now(): Date;
}

/** Where an outbox record lives in its service's table. */
export interface OutboxKey {
  readonly pk: string;
  readonly sk: string;
}

/** Where a record stands: waiting, already published, or gone from the table. */
export type OutboxRecordState = 'pending' | 'published' | 'missing';

/** `marked`: this call set publishedAt. `not-marked`: it was already set, or the record is gone; nothing was written. */
export type MarkOutcome = 'marked' | 'not-marked';

/** What the relay needs of the outbox table (DynamooseOutboxStore). */
export interface OutboxStore {
  stateOf(key: OutboxKey): Promise<OutboxRecordState>;
  markPublished(key: OutboxKey, publishedAt: Date): Promise<MarkOutcome>;
}

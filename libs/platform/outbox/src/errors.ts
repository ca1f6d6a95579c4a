/*
 * Errors of publishing events and relaying outboxes. None is a DomainError: no client causes them, so the
 * handler edge answers a generic 500 (or the relay retries) and logs the details.
 */

/** One event EventBridge did not accept, with the code it gave. */
export interface UnpublishedEvent {
  readonly eventId: string;
  readonly errorCode: string;
  readonly errorMessage?: string;
}

/** Some events were still refused after every attempt; the others were delivered. */
export class EventsNotPublished extends Error {
  readonly code = 'EVENTS.NOT_PUBLISHED';
  readonly failures: readonly UnpublishedEvent[];

  constructor(failures: readonly UnpublishedEvent[], options?: ErrorOptions) {
    const list = failures.map((failure) => `${failure.eventId} (${failure.errorCode})`).join(', ');
    super(`EventBridge did not accept ${failures.length} event(s): ${list}`, options);
    this.name = new.target.name;
    this.failures = failures;
  }
}

/** An event larger than one PutEvents request may carry: it can never be published as is. */
export class EventTooLargeToPublish extends Error {
  readonly code = 'EVENTS.TOO_LARGE';

  constructor(
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(`Event ${eventId} is ${sizeBytes} bytes as a PutEvents entry; at most ${maxBytes} fit in one request`);
    this.name = new.target.name;
  }
}

/** A stream record that claims to be an outbox insert but cannot be relayed as it is (a poison record). */
export class InvalidOutboxRecord extends Error {
  readonly code = 'OUTBOX.INVALID_RECORD';

  constructor(
    readonly sequenceNumber: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Outbox stream record ${sequenceNumber} cannot be relayed: ${reason}`, options);
    this.name = new.target.name;
  }
}

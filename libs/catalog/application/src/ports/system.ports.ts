/** The current time, injected so use cases and tests agree on it. */
export interface Clock {
  now(): Date;
}

/** New identifiers for events. Every id it returns is a UUID. */
export interface IdGenerator {
  newId(): string;
}

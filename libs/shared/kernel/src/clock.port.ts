/** The current time, injected so use cases and tests agree on it. */
export interface Clock {
  now(): Date;
}

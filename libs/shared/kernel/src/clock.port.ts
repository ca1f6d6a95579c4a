/** The current time, injected so use cases and tests agree on it. Every service's use cases ask for this one port. */
export interface Clock {
  now(): Date;
}

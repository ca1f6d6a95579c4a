/**
 * What travels on every bus: the event's identity and lineage around its payload. `version` is the contract
 * version of the payload, so consumers can tell `OrderPlaced` v1 from a later v2.
 */
export interface EventEnvelope<P = unknown, T extends string = string, V extends number = number> {
  readonly eventId: string;
  readonly eventType: T;
  readonly version: V;
  /** ISO 8601 date-time (UTC). */
  readonly occurredAt: string;
  /** Shared by everything one request set off, across services. */
  readonly correlationId: string;
  /** The id of the request or event that directly caused this one. */
  readonly causationId: string;
  readonly payload: P;
}

/** New identifiers for orders and events. Every id it returns is a UUID. */
export interface IdGenerator {
  newId(): string;
  /** The same UUID for the same name, every time: an order placed under a request's idempotency key. */
  idFor(name: string): string;
}

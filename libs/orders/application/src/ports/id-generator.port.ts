/** New identifiers for orders and events. Every id it returns is a UUID. */
export interface IdGenerator {
  newId(): string;
}

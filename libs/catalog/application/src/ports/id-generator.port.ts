/** New identifiers for events. Every id it returns is a UUID. */
export interface IdGenerator {
  newId(): string;
}

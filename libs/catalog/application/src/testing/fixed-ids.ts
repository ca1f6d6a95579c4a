import type { IdGenerator } from '../ports/id-generator.port';

/** UUIDs counted up from ...0001, so tests can name the events they expect. */
export class SequentialIdGenerator implements IdGenerator {
  private next = 1;
  newId(): string {
    return `00000000-0000-4000-8000-${String(this.next++).padStart(12, '0')}`;
  }
}

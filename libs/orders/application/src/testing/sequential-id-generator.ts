import type { IdGenerator } from '../ports/id-generator.port';

/**
 * Predictable, valid (version 4, RFC 9562 variant) UUIDs: 00000000-0000-4000-8000-000000000001, …002, ….
 * `namespace` (0..0xffffffff) fills the first group, so two generators never collide.
 */
export class SequentialIdGenerator implements IdGenerator {
  private issued = 0;

  constructor(private readonly namespace = 0) {
    if (!Number.isInteger(namespace) || namespace < 0 || namespace > 0xffffffff) {
      throw new RangeError(`SequentialIdGenerator namespace must be an integer from 0 to 0xffffffff, got ${namespace}`);
    }
  }

  private readonly named = new Map<string, string>();

  /** The next sequential id the first time a name is asked for, the same one after. */
  idFor(name: string): string {
    const known = this.named.get(name) ?? this.newId();
    this.named.set(name, known);
    return known;
  }

  newId(): string {
    this.issued += 1;
    const prefix = this.namespace.toString(16).padStart(8, '0');
    return `${prefix}-0000-4000-8000-${this.issued.toString(16).padStart(12, '0')}`;
  }
}

import type { IdGenerator } from '../ports/id-generator.port';

/** Predictable, valid version 4 UUIDs; `namespace` (0..0xffffffff) fills the first group so generators never collide. */
export class SequentialIdGenerator implements IdGenerator {
  private issued = 0;

  constructor(private readonly namespace = 0) {
    if (!Number.isInteger(namespace) || namespace < 0 || namespace > 0xffffffff)
      throw new RangeError(`namespace must be 0..0xffffffff, got ${namespace}`);
  }

  newId(): string {
    this.issued += 1;
    return `${this.namespace.toString(16).padStart(8, '0')}-0000-4000-8000-${this.issued.toString(16).padStart(12, '0')}`;
  }
}

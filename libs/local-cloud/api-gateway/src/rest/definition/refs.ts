import { invalidDefinition, isRecord, unsupported, type JsonRecord } from '../../core';

const decodePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Follows local `$ref`s (`#/components/...`) inside the document. External references cannot be resolved
 * offline and stop start-up.
 */
export class RefResolver {
  constructor(
    private readonly document: JsonRecord,
    private readonly file: string,
  ) {}

  /** The value a `$ref` points to (following chains), or the value itself when it is not a reference. */
  deref(value: unknown, seen: ReadonlySet<string> = new Set()): unknown {
    if (!isRecord(value) || typeof value['$ref'] !== 'string') return value;
    const ref = value['$ref'];
    if (seen.has(ref)) throw invalidDefinition({ file: this.file }, '$ref', `circular reference ${ref}`);
    return this.deref(this.lookup(ref), new Set([...seen, ref]));
  }

  lookup(ref: string): unknown {
    if (!ref.startsWith('#/'))
      throw unsupported({ file: this.file }, '$ref', `external reference ${ref} is not resolvable locally`);
    let current: unknown = this.document;
    for (const token of ref.slice(2).split('/').map(decodePointerToken)) {
      if (!isRecord(current) || !(token in current))
        throw invalidDefinition({ file: this.file }, '$ref', `${ref} points nowhere`);
      current = current[token];
    }
    return current;
  }
}

/**
 * Request headers as API Gateway sees them: looked up without regard to case, reported with the case the
 * client used, repeated headers kept in order (`multiValueHeaders`) with the last value in `headers`.
 */
export class HeaderBag {
  private readonly byLowerName = new Map<string, { readonly name: string; readonly values: string[] }>();

  static fromNode(
    headers: Readonly<Record<string, string | readonly string[] | undefined>>,
    rawHeaders?: readonly string[],
  ): HeaderBag {
    const bag = new HeaderBag();
    if (rawHeaders && rawHeaders.length > 0) {
      for (let index = 0; index + 1 < rawHeaders.length; index += 2)
        bag.append(rawHeaders[index], rawHeaders[index + 1]);
      return bag;
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const single of typeof value === 'string' ? [value] : value) bag.append(name, single);
    }
    return bag;
  }

  append(name: string, value: string): void {
    const lower = name.toLowerCase();
    const entry = this.byLowerName.get(lower);
    if (entry) entry.values.push(value);
    else this.byLowerName.set(lower, { name, values: [value] });
  }

  /** Adds the header only when the client did not send it (API Gateway's own X-Forwarded-* headers). */
  appendIfAbsent(name: string, value: string): void {
    if (!this.byLowerName.has(name.toLowerCase())) this.append(name, value);
  }

  /** The last value, as API Gateway's single-valued `headers` and `method.request.header.*` report it. */
  get(name: string): string | undefined {
    const values = this.byLowerName.get(name.toLowerCase())?.values;
    return values ? values[values.length - 1] : undefined;
  }

  all(name: string): readonly string[] {
    return this.byLowerName.get(name.toLowerCase())?.values ?? [];
  }

  get size(): number {
    return this.byLowerName.size;
  }

  toSingle(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const { name, values } of this.byLowerName.values()) result[name] = values[values.length - 1];
    return result;
  }

  toMulti(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const { name, values } of this.byLowerName.values()) result[name] = [...values];
    return result;
  }

  /** Lower-cased names, repeated values joined with `,` (what SigV4 signs). */
  toLowerJoined(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [lower, { values }] of this.byLowerName) result[lower] = values.join(',');
    return result;
  }
}

/**
 * The AWS Query protocol's form body: flat `Name=value` pairs, lists as `Prefix.member.N.Field` and maps as
 * `Prefix.entry.N.Name` / `Prefix.entry.N.Value.Field`, N counting from 1.
 */
export class QueryParams {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  static parse(body: Buffer | string): QueryParams {
    return new QueryParams(new Map(new URLSearchParams(body.toString()).entries()));
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The items of `Prefix.<kind>.N.*`, each as its own QueryParams, ordered by N. */
  items(prefix: string, kind: 'member' | 'entry'): QueryParams[] {
    const start = `${prefix}.${kind}.`;
    const byIndex = new Map<number, Map<string, string>>();
    for (const [key, value] of this.values) {
      if (!key.startsWith(start)) continue;
      const rest = key.slice(start.length);
      const dot = rest.indexOf('.');
      const index = Number(dot === -1 ? rest : rest.slice(0, dot));
      if (!Number.isInteger(index) || dot === -1) continue;
      const item = byIndex.get(index) ?? new Map<string, string>();
      item.set(rest.slice(dot + 1), value);
      byIndex.set(index, item);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, item]) => new QueryParams(item));
  }
}

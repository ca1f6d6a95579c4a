import { decodeOrKeep } from '../../core';

/**
 * Query string as a REST API reads it: percent-decoded, `+` left as a literal plus (API Gateway does not apply
 * form decoding), a name without `=` has the empty value, repeated names keep every value in order.
 */
export class QueryString {
  private readonly values = new Map<string, string[]>();

  constructor(readonly raw: string) {
    if (raw.length === 0) return;
    for (const pair of raw.split('&')) {
      if (pair.length === 0) continue;
      const equals = pair.indexOf('=');
      const name = decodeOrKeep(equals === -1 ? pair : pair.slice(0, equals));
      const value = equals === -1 ? '' : decodeOrKeep(pair.slice(equals + 1));
      if (name.length === 0) continue;
      const list = this.values.get(name);
      if (list) list.push(value);
      else this.values.set(name, [value]);
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** The last value, as `queryStringParameters` and `method.request.querystring.*` report it. */
  get(name: string): string | undefined {
    const list = this.values.get(name);
    return list ? list[list.length - 1] : undefined;
  }

  toSingle(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, list] of this.values) result[name] = list[list.length - 1];
    return result;
  }

  toMulti(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [name, list] of this.values) result[name] = [...list];
    return result;
  }
}

import { isJsonObject, isJsonPrimitive, type JsonPrimitive } from './model/json';
import { childPath } from './model/key-path';

export interface FlatKey {
  /** `detail.state`: array elements share their array's path, as patterns address them. */
  readonly path: string;
  readonly value: JsonPrimitive;
}

/**
 * Every leaf of an event or message body with the key path a pattern would use for it, in document order.
 * The console uses it to show which keys an input offers next to the keys a pattern tests.
 */
export function flattenKeys(input: unknown, path = ''): FlatKey[] {
  if (isJsonPrimitive(input)) return [{ path, value: input }];
  if (Array.isArray(input)) return input.flatMap((element) => flattenKeys(element, path));
  if (isJsonObject(input))
    return Object.entries(input).flatMap(([key, value]) => flattenKeys(value, childPath(path, key)));
  return [];
}

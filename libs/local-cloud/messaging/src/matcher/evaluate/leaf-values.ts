import { isJsonObject, isJsonPrimitive, type JsonObject, type JsonPrimitive } from '../model/json';

/**
 * The values a pattern key sees at one input key: a primitive is one value, arrays (at any depth) are
 * flattened so a key matches when any element does, and objects contribute nothing because operators
 * (exists included) only look at leaf nodes.
 */
export function leafValues(raw: unknown): JsonPrimitive[] {
  if (isJsonPrimitive(raw)) return [raw];
  if (Array.isArray(raw)) return raw.flatMap(leafValues);
  return [];
}

/**
 * The objects a nested pattern is tried against. An array of objects offers each element in turn, so every
 * key of the nested pattern must match within the same element, as AWS matches arrays of objects. With no
 * object at all, the nested pattern is tried against nothing, where only absence (`exists: false`) can match.
 */
export function candidateObjects(raw: unknown): (JsonObject | undefined)[] {
  if (isJsonObject(raw)) return [raw];
  if (!Array.isArray(raw)) return [undefined];
  const objects = raw.flatMap(objectsIn);
  return objects.length > 0 ? objects : [undefined];
}

function objectsIn(value: unknown): JsonObject[] {
  if (isJsonObject(value)) return [value];
  return Array.isArray(value) ? value.flatMap(objectsIn) : [];
}

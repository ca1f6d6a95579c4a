/** Narrowing helpers for the parsed (untyped) OpenAPI document. */
export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const recordOrEmpty = (value: unknown): JsonRecord => (isRecord(value) ? value : {});

export const stringOrUndefined = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export const stringRecord = (value: unknown): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(recordOrEmpty(value))) {
    if (typeof entry === 'string') result[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') result[key] = String(entry);
  }
  return result;
};

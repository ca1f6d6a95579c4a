/** Narrowing helpers for the parsed (untyped) OpenAPI document. */
export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

export const recordOrEmpty = (value: unknown): JsonRecord => (isRecord(value) ? value : {});

export const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

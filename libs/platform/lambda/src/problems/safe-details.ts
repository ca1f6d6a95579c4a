const MAX_DEPTH = 5;

/**
 * JSON-safe copy of error details for a response: errors, functions, symbols and bigints are dropped, so
 * nothing like an error object or a stack can reach a client through `details`.
 */
export function safeDetails(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copied = copy(details, 0);
  return copied !== null && typeof copied === 'object' && !Array.isArray(copied)
    ? (copied as Record<string, unknown>)
    : {};
}

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'object' || value instanceof Error || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1)).filter((item) => item !== undefined);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safe = copy(item, depth + 1);
    if (safe !== undefined) result[key] = safe;
  }
  return result;
}

/** Sorts records by their JSON form, so lists compare regardless of order. */
export const sortedByJson = <T>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Parses a JSON attribute of a planned resource (policies, patterns), null when unset. */
export function parseJsonAttribute(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? JSON.parse(value) : null;
}

/** The single element of a nested block list (Terraform plans blocks as arrays). */
export function block(value: unknown): Record<string, unknown> | undefined {
  return Array.isArray(value) && value.length > 0 ? (value[0] as Record<string, unknown>) : undefined;
}

/**
 * Whether a consumer written against `published` still accepts everything `current` lets a publisher send
 * would need a full JSON Schema subset check; this walks the keywords zod emits and names the changes that
 * break a reader: a removed field, a newly required field, and a narrowed type.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One breaking change: the field (`payload.total.currency`, `(root)` for the whole document) and what changed. */
export interface SchemaBreak {
  readonly field: string;
  readonly change: string;
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const EXACT_KEYWORDS = ['type', 'const', 'format', 'pattern', 'multipleOf'] as const;
const ALTERNATIVES = ['anyOf', 'oneOf', 'allOf'] as const;

export function findSchemaBreaks(published: JsonSchema, current: JsonSchema): SchemaBreak[] {
  return compare(published, current, '');
}

function compare(published: JsonSchema, current: JsonSchema, field: string): SchemaBreak[] {
  const breaks: SchemaBreak[] = [];
  const at = (change: string) => breaks.push({ field: field || '(root)', change });

  for (const keyword of EXACT_KEYWORDS) {
    const before = published[keyword];
    const after = current[keyword];
    if (after === undefined || same(before, after)) continue;
    at(
      before === undefined
        ? `${keyword} ${show(after)} added`
        : `${keyword} changed from ${show(before)} to ${show(after)}`,
    );
  }
  for (const keyword of LOWER_BOUNDS) {
    const before = published[keyword];
    const after = current[keyword];
    if (typeof after === 'number' && (typeof before !== 'number' || after > before))
      at(`${keyword} tightened from ${show(before)} to ${after}`);
  }
  for (const keyword of UPPER_BOUNDS) {
    const before = published[keyword];
    const after = current[keyword];
    if (typeof after === 'number' && (typeof before !== 'number' || after < before))
      at(`${keyword} tightened from ${show(before)} to ${after}`);
  }
  if (Array.isArray(current['enum'])) {
    const allowed = current['enum'];
    const before = Array.isArray(published['enum']) ? published['enum'] : undefined;
    if (!before) at(`enum ${show(allowed)} added`);
    else {
      const removed = before.filter((value) => !allowed.some((candidate) => same(candidate, value)));
      if (removed.length > 0) at(`enum values removed: ${show(removed)}`);
    }
  }
  for (const keyword of ALTERNATIVES) {
    if (current[keyword] !== undefined && !same(published[keyword], current[keyword]))
      at(`${keyword} alternatives changed`);
  }
  if (published['additionalProperties'] !== false && current['additionalProperties'] === false)
    at('additional properties no longer allowed');

  breaks.push(...compareProperties(published, current, field));
  const itemsBefore = asSchema(published['items']);
  const itemsAfter = asSchema(current['items']);
  if (itemsBefore && itemsAfter) breaks.push(...compare(itemsBefore, itemsAfter, `${field}[]`));
  else if (itemsAfter && !itemsBefore) breaks.push(...compare({}, itemsAfter, `${field}[]`));
  return breaks;
}

function compareProperties(published: JsonSchema, current: JsonSchema, field: string): SchemaBreak[] {
  const breaks: SchemaBreak[] = [];
  const before = (asSchema(published['properties']) ?? {}) as Record<string, JsonSchema>;
  const after = (asSchema(current['properties']) ?? {}) as Record<string, JsonSchema>;
  const requiredBefore = new Set(stringsOf(published['required']));
  const child = (name: string) => (field ? `${field}.${name}` : name);
  for (const name of Object.keys(before)) {
    if (!(name in after)) breaks.push({ field: child(name), change: 'removed' });
    else breaks.push(...compare(before[name], after[name], child(name)));
  }
  for (const name of stringsOf(current['required'])) {
    if (!requiredBefore.has(name))
      breaks.push({
        field: child(name),
        change: name in before ? 'optional before, now required' : 'new required field',
      });
  }
  return breaks;
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;
const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));

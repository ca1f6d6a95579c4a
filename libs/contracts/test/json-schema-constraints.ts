import type { JsonSchemaNode } from './openapi-document';

/** The keywords on which a request validator's verdict depends. */
const VALIDATION_KEYWORDS = [
  'type',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'additionalProperties',
] as const;

/** The keywords that fix a document's shape without its value rules. */
const SHAPE_KEYWORDS = ['type', 'enum'] as const;

type Keyword = (typeof VALIDATION_KEYWORDS)[number];

/**
 * Flattens a JSON schema into `path → constraints`, so two schemas written differently (OpenAPI 3.0 and the
 * JSON Schema zod emits) compare equal exactly when they accept the same documents on these keywords.
 */
export function constraintsByPath(
  schema: unknown,
  keywords: readonly Keyword[] = VALIDATION_KEYWORDS,
  path = '$',
): Record<string, Record<string, unknown>> {
  if (typeof schema !== 'object' || schema === null) throw new Error(`${path} is not a schema`);
  const node = schema as JsonSchemaNode;
  const own: Record<string, unknown> = {};
  for (const keyword of keywords) {
    if (node[keyword] !== undefined) own[keyword] = node[keyword];
  }
  const properties = (node['properties'] ?? {}) as JsonSchemaNode;
  own['properties'] = Object.keys(properties).sort();
  own['required'] = [...((node['required'] as string[] | undefined) ?? [])].sort();
  let result: Record<string, Record<string, unknown>> = { [path]: own };
  for (const [name, child] of Object.entries(properties)) {
    result = { ...result, ...constraintsByPath(child, keywords, `${path}.${name}`) };
  }
  if (node['items'] !== undefined) result = { ...result, ...constraintsByPath(node['items'], keywords, `${path}[]`) };
  return result;
}

export function shapeByPath(schema: unknown): Record<string, Record<string, unknown>> {
  return constraintsByPath(schema, SHAPE_KEYWORDS);
}

import * as z from 'zod';
import type { JsonSchema } from './json-schema-compatibility';

/**
 * The JSON Schema of what travels on the wire (the full envelope of an event), as a reader sees it. Draft-07,
 * because AsyncAPI 3's default schema format is a superset of it; snapshots use the same form so the
 * compatibility check compares like with like.
 */
export function wireJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
}

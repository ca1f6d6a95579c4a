import * as z from 'zod';

/**
 * Only the envelope is checked here; the gateway interprets (and rejects, naming the feature) what it
 * does not emulate. The document is kept as parsed, `${...}` placeholders unresolved.
 */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.0\.\d+$/, { error: 'expected an OpenAPI 3.0.x version (API Gateway imports 3.0)' }),
  info: z.looseObject({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(z.string().startsWith('/', { error: 'paths start with /' }), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.output<typeof OpenApiDocumentSchema>;

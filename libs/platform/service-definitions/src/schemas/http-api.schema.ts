import * as z from 'zod';

const PayloadFormatVersion = z.enum(['1.0', '2.0'], { error: "expected '1.0' or '2.0' (quoted)" });

const REQUIRED_INTEGRATION_FIELDS = ['type', 'uri', 'payloadFormatVersion'] as const;

/** Inline (`type`, `uri`, `payloadFormatVersion`) or a `$ref` to one under components. */
const IntegrationSchema = z
  .looseObject({
    $ref: z
      .string()
      .regex(/^#\/components\/x-amazon-apigateway-integrations\/[^/]+$/, {
        error: 'expected #/components/x-amazon-apigateway-integrations/<name>',
      })
      .optional(),
    type: z.string().min(1).optional(),
    uri: z.string().min(1).optional(),
    // YAML reads an unquoted 2.0 as the number 2, which is not the '2.0' API Gateway takes.
    payloadFormatVersion: PayloadFormatVersion.optional(),
  })
  .superRefine(function requireInlineFields(integration, ctx) {
    if (integration.$ref !== undefined) return;
    for (const field of REQUIRED_INTEGRATION_FIELDS) {
      if (integration[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    }
  });

const OperationSchema = z.looseObject({ 'x-amazon-apigateway-integration': IntegrationSchema });

const OPERATION_KEYS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'x-amazon-apigateway-any-method',
] as const;

const PathItemSchema = z.looseObject(
  Object.fromEntries(OPERATION_KEYS.map((key) => [key, OperationSchema.optional()])),
);

// A Lambda authorizer's payload format, quoted for the same reason; the emulator checks the rest of the scheme.
const SecuritySchemeSchema = z.looseObject({
  'x-amazon-apigateway-authorizer': z
    .looseObject({ authorizerPayloadFormatVersion: PayloadFormatVersion.optional() })
    .optional(),
});

/**
 * An HTTP API (v2) as OpenAPI 3.0 with API Gateway's extensions. Checked here: what Terraform would otherwise
 * deploy wrongly without complaint (a route with no integration, a payload format version that is a number). The local
 * cloud's HTTP API emulator interprets the rest and refuses, naming the feature, what it does not emulate.
 */
export const HttpApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.0\.\d+$/, { error: 'expected an OpenAPI 3.0.x version (API Gateway imports 3.0)' }),
  info: z.looseObject({ title: z.string().min(1), version: z.string().min(1) }),
  // `$default` (or `/$default`) is the catch-all route.
  paths: z.record(
    z.string().regex(/^(\/.*|\$default)$/, { error: 'paths start with / (or are $default)' }),
    PathItemSchema,
  ),
  components: z
    .looseObject({
      'x-amazon-apigateway-integrations': z.record(z.string(), IntegrationSchema).optional(),
      securitySchemes: z.record(z.string(), SecuritySchemeSchema).optional(),
    })
    .optional(),
});
export type HttpApiDocument = z.output<typeof HttpApiDocumentSchema>;

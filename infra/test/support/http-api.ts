import type { ServiceDefinition } from './declarations';

type HttpApiDocument = NonNullable<ServiceDefinition['httpApi']>;
type Integration = { readonly $ref?: string; readonly uri?: string; readonly timeoutInMillis?: number };
type SecurityRequirement = Record<string, string[]>;
type Operation = { readonly 'x-amazon-apigateway-integration': Integration; readonly security?: SecurityRequirement[] };

/** A route as API Gateway should deploy it from http-api.yaml, read independently of the Terraform stack. */
export interface HttpRoute {
  /** `GET /items/{sku}`, `ANY /path` or `$default`. */
  readonly key: string;
  readonly function: string;
  /** The security scheme it requires, undefined for an open route. */
  readonly scheme: string | undefined;
  readonly scopes: readonly string[];
  readonly timeoutMillis: number;
}

export interface JwtScheme {
  readonly name: string;
  readonly identitySource: string;
  readonly issuer: string;
  readonly audience: readonly string[];
}

const METHODS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};
/** API Gateway waits 30 s for an HTTP API integration unless timeoutInMillis says otherwise. */
const DEFAULT_TIMEOUT_MILLIS = 30000;
const FUNCTION_URI = /^\$\{lambda_invoke_arns\.([A-Za-z0-9_]+)\}$/;

function resolveIntegration(document: HttpApiDocument, integration: Integration): Integration {
  if (integration.$ref === undefined) return integration;
  const name = integration.$ref.split('/').at(-1) ?? '';
  const reusable = (document.components?.['x-amazon-apigateway-integrations'] ?? {}) as Record<string, Integration>;
  const resolved = reusable[name];
  if (!resolved) throw new Error(`http-api.yaml: ${integration.$ref} is not defined`);
  return resolved;
}

export function httpRoutes(document: HttpApiDocument): HttpRoute[] {
  const documentSecurity = (document as { security?: SecurityRequirement[] }).security ?? [];
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => method in METHODS)
      .map(([method, operation]) => {
        const integration = resolveIntegration(document, operation['x-amazon-apigateway-integration']);
        const fn = FUNCTION_URI.exec(integration.uri ?? '')?.[1];
        if (!fn)
          throw new Error(
            `http-api.yaml ${method} ${path}: the integration uri is not \${lambda_invoke_arns.<function>}`,
          );
        const [requirement = {}] = operation.security ?? documentSecurity;
        const [scheme] = Object.keys(requirement);
        return {
          key: path === '$default' || path === '/$default' ? '$default' : `${METHODS[method]} ${path}`,
          function: fn,
          scheme,
          scopes: scheme === undefined ? [] : requirement[scheme],
          timeoutMillis: integration.timeoutInMillis ?? DEFAULT_TIMEOUT_MILLIS,
        };
      }),
  );
}

export function jwtSchemes(document: HttpApiDocument): JwtScheme[] {
  const schemes = ((document.components as { securitySchemes?: Record<string, Record<string, unknown>> } | undefined)
    ?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(schemes).flatMap(([name, scheme]) => {
    const authorizer = scheme['x-amazon-apigateway-authorizer'] as
      { type?: string; identitySource?: string; jwtConfiguration?: { issuer: string; audience: string[] } } | undefined;
    if (authorizer?.type !== 'jwt' || !authorizer.jwtConfiguration) return [];
    return [
      {
        name,
        identitySource: authorizer.identitySource ?? '$request.header.Authorization',
        issuer: authorizer.jwtConfiguration.issuer,
        audience: authorizer.jwtConfiguration.audience,
      },
    ];
  });
}

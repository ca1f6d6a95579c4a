export type Resolver = (placeholder: string) => string;

const PLACEHOLDER = /\$\$\{|\$\{([^}]+)\}/g;

/** Fills `${...}` placeholders in every string of a parsed document as Terraform's template does: `$${` is a literal `${`. */
function fill(value: unknown, resolve: Resolver): unknown {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (_match: string, expression: string | undefined) =>
      expression === undefined ? '${' : resolve(expression.trim()),
    );
  if (Array.isArray(value)) return value.map((item) => fill(item, resolve));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, resolve)]));
  return value;
}

export interface OpenApiOperation {
  readonly 'x-amazon-apigateway-integration'?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly [key: string]: unknown;
}

/** The document API Gateway should receive: the declared document (as the local cloud parsed it) with its placeholders resolved. */
export function expectedDocument(declared: object, resolve: Resolver): OpenApiDocument {
  return fill(declared, resolve) as OpenApiDocument;
}

const HTTP_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'x-amazon-apigateway-any-method',
]);

export function operations(document: OpenApiDocument): { path: string; method: string; operation: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

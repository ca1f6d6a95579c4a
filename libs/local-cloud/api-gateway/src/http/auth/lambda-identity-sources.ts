import type { IdentitySource } from '../../core';
import type { ApiIdentity, V2Request } from '../request/v2-request';

/** What an HTTP API Lambda authorizer's identity sources read from. */
export interface IdentityInput {
  readonly request: V2Request;
  /** `queryStringParameters` as payload 2.0 has them (repeats comma-joined). */
  readonly query: Readonly<Record<string, string>> | undefined;
  readonly api: ApiIdentity;
  readonly routeKey: string;
}

export type LambdaIdentitySource = IdentitySource<[input: IdentityInput]>;

// The `$context` variables an identity source may read locally; the others stop start-up, naming the variable.
const CONTEXT: Readonly<Record<string, (input: IdentityInput) => string | undefined>> = {
  accountId: ({ api }) => api.accountId,
  apiId: ({ api }) => api.apiId,
  domainName: ({ request, api }) => request.headers['host'] ?? `${api.apiId}.execute-api.${api.region}.amazonaws.com`,
  httpMethod: ({ request }) => request.method,
  'identity.sourceIp': ({ request }) => request.sourceIp,
  'identity.userAgent': ({ request }) => request.headers['user-agent'],
  path: ({ request }) => request.rawPath,
  protocol: ({ request }) => request.protocol,
  requestId: ({ request }) => request.requestId,
  routeKey: ({ routeKey }) => routeKey,
  stage: ({ api }) => api.stage,
};

/**
 * One identity source of an HTTP API Lambda authorizer, as
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html lists them:
 * `$request.header.<name>` (any case), `$request.querystring.<name>`, `$context.<variable>`, `$stageVariables.<name>`.
 */
export const parseLambdaIdentitySource = (
  expression: string,
  problem: (detail: string) => Error,
): LambdaIdentitySource => {
  const trimmed = expression.trim();
  const request = /^\$request\.(header|querystring)\.([^\s,]+)$/.exec(trimmed);
  if (request) {
    const [, location, name] = request;
    const lower = name.toLowerCase();
    return location === 'header'
      ? { expression: trimmed, read: ({ request: req }) => req.headers[lower] }
      : { expression: trimmed, read: ({ query }) => query?.[name] };
  }
  const variable = /^\$stageVariables\.([A-Za-z0-9_]+)$/.exec(trimmed);
  if (variable) return { expression: trimmed, read: ({ api }) => api.stageVariables[variable[1]] };
  const context = /^\$context\.([A-Za-z.]+)$/.exec(trimmed);
  if (context) {
    const read = CONTEXT[context[1]];
    if (!read)
      throw problem(
        `identitySource ${trimmed} is not emulated (the $context variables read locally: ${Object.keys(CONTEXT).join(', ')})`,
      );
    return { expression: trimmed, read };
  }
  throw problem(
    `identitySource ${trimmed} is not one of $request.header.<name>, $request.querystring.<name>, ` +
      '$context.<variable>, $stageVariables.<name>',
  );
};

/** `identitySource` as OpenAPI writes it (one comma-separated string) or as a list; empty means none. */
export const parseLambdaIdentitySources = (
  value: unknown,
  problem: (detail: string) => Error,
): LambdaIdentitySource[] => {
  if (value === undefined || value === null) return [];
  const expressions = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',')
      : undefined;
  if (!expressions) throw problem('identitySource must be a comma-separated string or a list of expressions');
  return expressions.filter((item) => item.trim().length > 0).map((item) => parseLambdaIdentitySource(item, problem));
};

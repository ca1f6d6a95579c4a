import type { V2Request } from '../request/v2-request';

/** Where a JWT authorizer reads its token: `$request.header.<name>` or `$request.querystring.<name>`. */
export interface TokenSource {
  readonly expression: string;
  read(request: V2Request, query: Readonly<Record<string, string>> | undefined): string | undefined;
}

export const parseTokenSource = (expression: string, problem: (detail: string) => Error): TokenSource => {
  const match = /^\$request\.(header|querystring)\.([^\s,]+)$/.exec(expression.trim());
  if (!match) throw problem(`identitySource ${expression} is not emulated (one $request.header.<name> or $request.querystring.<name>)`);
  const [, location, name] = match;
  const lower = name.toLowerCase();
  return location === 'header'
    ? { expression, read: (request) => request.headers[lower] }
    : { expression, read: (_request, query) => query?.[name] };
};

/** API Gateway accepts the token with or without the `Bearer ` scheme in front of it. */
export const stripBearer = (value: string): string => value.replace(/^Bearer\s+/i, '').trim();

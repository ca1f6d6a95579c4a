import type { IdentitySource } from '../../core';
import type { V2Request } from '../request/v2-request';

/** Where a JWT authorizer reads its token: `$request.header.<name>` or `$request.querystring.<name>`. */
export type TokenSource = IdentitySource<[request: V2Request, query: Readonly<Record<string, string>> | undefined]>;

export const parseTokenSource = (expression: string, problem: (detail: string) => Error): TokenSource => {
  const match = /^\$request\.(header|querystring)\.([^\s,]+)$/.exec(expression.trim());
  if (!match)
    throw problem(
      `identitySource ${expression} is not emulated (one $request.header.<name> or $request.querystring.<name>)`,
    );
  const [, location, name] = match;
  const lower = name.toLowerCase();
  return location === 'header'
    ? { expression, read: (request) => request.headers[lower] }
    : { expression, read: (_request, query) => query?.[name] };
};

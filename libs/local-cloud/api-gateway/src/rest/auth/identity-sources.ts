import type { IdentitySource as CoreIdentitySource } from '../../core';
import type { RequestState } from '../pipeline/request-state';

/** One identity source of a Lambda authorizer, read from the request. */
export type IdentitySource = CoreIdentitySource<[state: RequestState]>;

const readContext = (state: RequestState, names: readonly string[]): string | undefined => {
  let current: unknown = state.context();
  for (const name of names)
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[name] : undefined;
  return current === undefined || current === null ? undefined : String(current);
};

/**
 * Parses `identitySource` (`method.request.header.Authorization, method.request.querystring.tenant`); these
 * values gate the call (all present and non-empty, or 401 without invoking) and key the cache.
 */
export const parseIdentitySources = (text: string, problem: (detail: string) => Error): IdentitySource[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((expression) => {
      const match =
        /^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)|stageVariables|context)\.(.+)$/.exec(
          expression,
        );
      if (!match) throw problem(`identity source ${expression} is not emulated`);
      const [, kind, location, name] = match;
      if (kind === 'stageVariables')
        return { expression, read: (state: RequestState) => state.init.stage.variables[name] };
      if (kind === 'context') return { expression, read: (state: RequestState) => readContext(state, name.split('.')) };
      if (location === 'header') return { expression, read: (state: RequestState) => state.init.headers.get(name) };
      if (location === 'multivalueheader')
        return { expression, read: (state: RequestState) => state.init.headers.all(name).join(',') || undefined };
      if (location === 'querystring') return { expression, read: (state: RequestState) => state.init.query.get(name) };
      return { expression, read: (state: RequestState) => state.init.query.toMulti()[name]?.join(',') };
    });

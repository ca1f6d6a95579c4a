import type { IdentitySource as CoreIdentitySource } from '../../core';
import type { HandshakeRequest } from '../connection/handshake-request';

/** One identity source of the `$connect` authorizer, read from the handshake. */
export type IdentitySource = CoreIdentitySource<
  [handshake: HandshakeRequest, stageVariables: Readonly<Record<string, string>>]
>;

const headerValue = (handshake: HandshakeRequest, name: string): string | undefined => {
  const lower = name.toLowerCase();
  const key = Object.keys(handshake.headers).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : handshake.headers[key];
};

/**
 * `route.request.header.<name>`, `route.request.querystring.<name>` or `stageVariables.<name>`. All must be present
 * and non-empty, or API Gateway refuses the connection with 401 without invoking the authorizer.
 */
export const parseIdentitySource = (expression: string, problem: (detail: string) => Error): IdentitySource => {
  const match = /^(route\.request\.header|route\.request\.querystring|stageVariables)\.([^\s,]+)$/.exec(
    expression.trim(),
  );
  if (!match)
    throw problem(
      `identity source ${expression} is not emulated (route.request.header.*, route.request.querystring.*, stageVariables.*)`,
    );
  const [, kind, name] = match;
  if (kind === 'route.request.header') return { expression, read: (handshake) => headerValue(handshake, name) };
  if (kind === 'route.request.querystring') return { expression, read: (handshake) => handshake.query?.[name] };
  return { expression, read: (_handshake, variables) => variables[name] };
};

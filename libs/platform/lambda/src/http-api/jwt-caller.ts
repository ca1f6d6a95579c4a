import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { parseGroups, type Caller } from '../http/caller';

/**
 * Reads the caller from an HTTP API JWT authorizer (`requestContext.authorizer.jwt`): `sub`, `cognito:groups`
 * (API Gateway hands every claim over as a string, lists as `[a b]`) and the token's scopes. Undefined when
 * there is no usable `sub`.
 */
export function callerFromJwtEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller | undefined {
  const jwt: unknown = (event.requestContext?.authorizer as { jwt?: unknown } | undefined)?.jwt;
  if (typeof jwt !== 'object' || jwt === null) return undefined;
  const { claims, scopes } = jwt as { claims?: unknown; scopes?: unknown };
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { sub, 'cognito:groups': groups, scope } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') return undefined;
  return { customerId: sub, groups: parseGroups(groups), scopes: scopesOf(scopes, scope) };
}

/** `scopes` as the authorizer lists them, else the token's own space-separated `scope` claim. */
function scopesOf(listed: unknown, claim: unknown): string[] {
  if (Array.isArray(listed))
    return listed.filter((scope): scope is string => typeof scope === 'string' && scope !== '');
  return typeof claim === 'string' ? claim.split(' ').filter((scope) => scope !== '') : [];
}

import type { APIGatewayProxyEvent } from 'aws-lambda';

/** Who is calling, from the Cognito user pool authorizer's claims. */
export interface Caller {
  /** The Cognito `sub`: Harbor's customer id. */
  readonly customerId: string;
  readonly groups: readonly string[];
  /** OAuth scopes of an access token (HTTP API JWT authorizer); absent for REST API callers. */
  readonly scopes?: readonly string[];
}

/**
 * Reads `requestContext.authorizer.claims` (API Gateway's Cognito user pool authorizer). Undefined when there
 * is no usable `sub`. `cognito:groups` arrives as an array, a comma list, or API Gateway's `[a b]` rendering.
 */
export function callerFromEvent(event: APIGatewayProxyEvent): Caller | undefined {
  const claims: unknown = event.requestContext?.authorizer?.claims;
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { sub, 'cognito:groups': groups } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') return undefined;
  return { customerId: sub, groups: parseGroups(groups) };
}

export function parseGroups(groups: unknown): string[] {
  if (Array.isArray(groups))
    return groups.filter((group): group is string => typeof group === 'string' && group !== '');
  if (typeof groups !== 'string') return [];
  return groups
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter((group) => group !== '');
}

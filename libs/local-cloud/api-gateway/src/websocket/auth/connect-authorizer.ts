import { evaluatePolicy, isBlank, parseAuthorizerResult } from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import { routeArn } from '../events/api-context';
import { requestContext, type EventIdentity } from '../events/websocket-events';
import type { IdentitySource } from './identity-sources';

export interface ConnectAuthorizerSpec {
  readonly functionId: string;
  readonly identitySources: readonly IdentitySource[];
  readonly invoker: Invoker;
}

export type AuthorizationOutcome =
  | { readonly ok: true; readonly authorizer: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly status: 401 | 403 | 500; readonly reason: string };

/**
 * The Lambda REQUEST authorizer of `$connect`: missing identity sources refuse with 401 without invoking it;
 * otherwise its policy must allow `execute-api:Invoke` on the `$connect` route ARN (explicit or implicit deny: 403,
 * `Unauthorized` thrown: 401, anything else wrong: 500). Its context (values as strings, as API Gateway passes them on) and principal reach every later event.
 */
export const authorizeConnect = async (
  spec: ConnectAuthorizerSpec,
  identity: EventIdentity,
): Promise<AuthorizationOutcome> => {
  const { handshake, api } = identity;
  if (spec.identitySources.some((source) => isBlank(source.read(handshake, api.stageVariables))))
    return { ok: false, status: 401, reason: 'missing identity source' };
  const methodArn = routeArn(api, '$connect');
  const event = {
    type: 'REQUEST',
    methodArn,
    headers: { ...handshake.headers },
    multiValueHeaders: { ...handshake.multiValueHeaders },
    queryStringParameters: { ...handshake.query },
    multiValueQueryStringParameters: { ...handshake.multiValueQuery },
    stageVariables: { ...api.stageVariables },
    requestContext: requestContext(identity, '$connect', 'CONNECT'),
  };
  let outcome;
  try {
    outcome = await spec.invoker.invoke({
      functionId: spec.functionId,
      event,
      correlationId: identity.connectionId,
      invocationType: 'RequestResponse',
    });
  } catch {
    return { ok: false, status: 500, reason: 'authorizer invocation failed' };
  }
  if (!outcome.ok)
    return outcome.error.errorMessage === 'Unauthorized'
      ? { ok: false, status: 401, reason: 'Unauthorized thrown' }
      : { ok: false, status: 500, reason: `authorizer error ${outcome.error.errorType}` };
  const result = parseAuthorizerResult(outcome.result);
  const decision = result ? evaluatePolicy(result.policyDocument, methodArn) : undefined;
  if (!result || decision === undefined) return { ok: false, status: 500, reason: 'malformed authorizer result' };
  if (decision !== 'allow') return { ok: false, status: 403, reason: decision };
  return {
    ok: true,
    authorizer: {
      ...result.context,
      principalId: result.principalId,
      integrationLatency: Math.round(outcome.durationMs),
    },
  };
};

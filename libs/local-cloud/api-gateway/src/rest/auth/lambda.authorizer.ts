import type { Invoker } from '@harbor/local-cloud-lambda';
import type { RequestState } from '../pipeline/request-state';
import {
  AuthorizerCache,
  evaluatePolicy,
  isBlank,
  parseAuthorizerResult,
  type LambdaAuthorizerResult,
} from '../../core';
import type { IdentitySource } from './identity-sources';
import { unauthorized, type AuthorizationOutcome, type RouteAuthorizer } from './route-authorizer';

export interface LambdaAuthorizerSpec {
  readonly name: string;
  readonly kind: 'token' | 'request';
  readonly functionId: string;
  readonly identitySources: readonly IdentitySource[];
  /** `authorizerResultTtlInSeconds` (300 when unset, 0 disables caching). */
  readonly ttlSeconds: number;
  /** TOKEN authorizers' `identityValidationExpression`. */
  readonly validation?: RegExp;
  readonly invoker: Invoker;
  readonly clock: () => number;
}

const configurationError = (): AuthorizationOutcome => ({
  ok: false,
  error: { responseType: 'AUTHORIZER_CONFIGURATION_ERROR' },
});

const requestEvent = (state: RequestState, methodArn: string): Record<string, unknown> => {
  const { route, path, method, headers, query, pathParameters, stage } = state.init;
  return {
    type: 'REQUEST',
    methodArn,
    resource: route.resourcePath,
    path,
    httpMethod: method,
    headers: headers.toSingle(),
    multiValueHeaders: headers.toMulti(),
    queryStringParameters: query.toSingle(),
    multiValueQueryStringParameters: query.toMulti(),
    pathParameters: { ...pathParameters },
    stageVariables: { ...stage.variables },
    requestContext: state.proxyRequestContext(),
  };
};

/**
 * Lambda TOKEN and REQUEST authorizers: missing identity sources answer 401 without calling the function; the
 * function's policy is cached by identity sources for the TTL and evaluated against each request's method ARN;
 * an explicit Deny answers 403 "...with an explicit deny", no Allow 403; `Unauthorized` thrown answers 401.
 */
export const lambdaAuthorizer = (spec: LambdaAuthorizerSpec): RouteAuthorizer => {
  const cache = new AuthorizerCache<LambdaAuthorizerResult>();
  const decide = (
    state: RequestState,
    result: LambdaAuthorizerResult,
    latencyMs: number,
    cached: boolean,
  ): AuthorizationOutcome => {
    const decision = evaluatePolicy(result.policyDocument, state.methodArn());
    if (decision === undefined) return configurationError();
    if (decision === 'explicit-deny') {
      return {
        ok: false,
        cached,
        error: {
          responseType: 'ACCESS_DENIED',
          message: 'User is not authorized to access this resource with an explicit deny',
        },
      };
    }
    if (decision === 'implicit-deny')
      return {
        ok: false,
        cached,
        error: { responseType: 'ACCESS_DENIED', message: 'User is not authorized to access this resource' },
      };
    state.setAuthorizer({ ...result.context, principalId: result.principalId, integrationLatency: latencyMs });
    return {
      ok: true,
      cached,
      ...(result.usageIdentifierKey ? { usageIdentifierKey: result.usageIdentifierKey } : {}),
    };
  };

  return {
    type: 'CUSTOM',
    name: spec.name,
    async authorize(state) {
      const values = spec.identitySources.map((source) => source.read(state));
      if (values.some(isBlank)) return unauthorized();
      const token = values[0] as string;
      if (spec.kind === 'token' && spec.validation && !spec.validation.test(token)) return unauthorized();
      const key = `${state.init.stage.name}\u0000${values.join('\u0000')}`;
      const now = spec.clock();
      const cached = spec.ttlSeconds > 0 ? cache.get(key, now) : undefined;
      if (cached) return decide(state, cached, 0, true);

      const methodArn = state.methodArn();
      const event =
        spec.kind === 'token'
          ? { type: 'TOKEN', authorizationToken: token, methodArn }
          : requestEvent(state, methodArn);
      let outcome;
      try {
        outcome = await spec.invoker.invoke({
          functionId: spec.functionId,
          event,
          correlationId: state.init.correlationId,
          invocationType: 'RequestResponse',
        });
      } catch {
        return configurationError();
      }
      if (!outcome.ok) return outcome.error.errorMessage === 'Unauthorized' ? unauthorized() : configurationError();
      const result = parseAuthorizerResult(outcome.result);
      if (!result) return configurationError();
      if (spec.ttlSeconds > 0) cache.set(key, result, spec.ttlSeconds * 1000, now);
      return decide(state, result, Math.round(outcome.durationMs), false);
    },
  };
};

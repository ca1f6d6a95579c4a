import type { Invoker } from '@harbor/local-cloud-lambda';
import { AuthorizerCache, evaluatePolicy, isBlank } from '../../core';
import type { LambdaAuthorizerContext } from '../request/v2-request';
import { readV2Query } from '../request/v2-query';
import { parseIamAnswer, parseSimpleAnswer, type LambdaAuthorizerAnswer } from './lambda-authorizer-answer';
import { buildAuthorizerEvent, type AuthorizerEventInput } from './lambda-authorizer-event';
import type { IdentityInput, LambdaIdentitySource } from './lambda-identity-sources';

export interface HttpLambdaAuthorizerSpec {
  readonly name: string;
  readonly functionId: string;
  readonly payloadFormatVersion: '1.0' | '2.0';
  /** `enableSimpleResponses` (2.0 only): `{ isAuthorized, context }` instead of an IAM policy. */
  readonly simpleResponses: boolean;
  readonly identitySources: readonly LambdaIdentitySource[];
  /** `authorizerResultTtlInSeconds`, 0 to 3600; caching needs identity sources as well. */
  readonly ttlSeconds: number;
}

export type LambdaAuthorizerOutcome =
  | { readonly ok: true; readonly cached: boolean; readonly output: LambdaAuthorizerContext }
  | { readonly ok: false; readonly cached: boolean; readonly status: 401 | 403 | 500; readonly reason: string };

export type LambdaAuthorizeInput = Omit<AuthorizerEventInput, 'identity'> & Omit<IdentityInput, 'query'>;

/**
 * An HTTP API Lambda (REQUEST) authorizer, as
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html documents it: a
 * missing or empty identity source answers 401 without calling the function; the answer is cached by the identity
 * sources' values for the TTL (never without identity sources); a simple answer's `isAuthorized: false` or a
 * policy without an Allow for the route's ARN answers 403; a function error or an answer in the wrong shape 500.
 */
export class HttpLambdaAuthorizer {
  readonly type = 'REQUEST';
  private readonly cache = new AuthorizerCache<LambdaAuthorizerAnswer>();

  constructor(
    readonly spec: HttpLambdaAuthorizerSpec,
    private readonly invoker: Invoker,
    private readonly clock: () => number,
  ) {}

  private get caches(): boolean {
    return this.spec.ttlSeconds > 0 && this.spec.identitySources.length > 0;
  }

  async authorize(input: LambdaAuthorizeInput): Promise<LambdaAuthorizerOutcome> {
    const query = readV2Query(input.request.rawQueryString);
    const identity = this.spec.identitySources.map((source) => source.read({ ...input, query }));
    if (identity.some(isBlank)) return { ok: false, cached: false, status: 401, reason: 'identity-missing' };
    const values = identity as string[];
    const key = values.join('\u0000');
    const now = this.clock();
    const hit = this.caches ? this.cache.get(key, now) : undefined;
    if (hit) return this.decide(hit, input.routeArn, true, 0);

    const event = buildAuthorizerEvent(this.spec.payloadFormatVersion, { ...input, identity: values });
    let outcome;
    try {
      outcome = await this.invoker.invoke({
        functionId: this.spec.functionId,
        event,
        correlationId: input.request.correlationId,
        invocationType: 'RequestResponse',
      });
    } catch {
      return { ok: false, cached: false, status: 500, reason: 'invoke-failed' };
    }
    if (!outcome.ok) return { ok: false, cached: false, status: 500, reason: 'function-error' };
    const answer = this.spec.simpleResponses ? parseSimpleAnswer(outcome.result) : parseIamAnswer(outcome.result);
    if (!answer) return { ok: false, cached: false, status: 500, reason: 'malformed-response' };
    if (this.caches) this.cache.set(key, answer, this.spec.ttlSeconds * 1000, now);
    return this.decide(answer, input.routeArn, false, Math.round(outcome.durationMs));
  }

  private decide(
    answer: LambdaAuthorizerAnswer,
    routeArn: string,
    cached: boolean,
    integrationLatency: number,
  ): LambdaAuthorizerOutcome {
    if (answer.format === 'simple')
      return answer.isAuthorized
        ? { ok: true, cached, output: { context: answer.context, integrationLatency } }
        : { ok: false, cached, status: 403, reason: 'not-authorized' };
    const decision = evaluatePolicy(answer.policyDocument, routeArn);
    if (decision === undefined) return { ok: false, cached, status: 500, reason: 'malformed-policy' };
    if (decision !== 'allow') return { ok: false, cached, status: 403, reason: decision };
    return {
      ok: true,
      cached,
      output: { context: answer.context, principalId: answer.principalId, integrationLatency },
    };
  }
}

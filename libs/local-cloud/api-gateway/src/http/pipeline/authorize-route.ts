import type { GatewayResponse } from '../../core';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { JwtOutcome } from '../auth/jwt-authorizer';
import type { ApiIdentity, AuthorizerOutput, V2Request } from '../request/v2-request';
import { errorResponse, type HttpApiError } from '../response/gateway-errors';
import type { CompiledRoute } from './compiled-route';

export type RouteAuthorization =
  | { readonly ok: true; readonly authorizer: AuthorizerOutput | undefined }
  | { readonly ok: false; readonly response: GatewayResponse; readonly detail: Record<string, unknown> };

export interface AuthorizeRouteInput {
  readonly request: V2Request;
  readonly route: CompiledRoute;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly api: ApiIdentity;
  readonly trace: TraceRecorder | undefined;
  readonly clock: () => number;
}

// The `www-authenticate` header an HTTP API JWT authorizer sends with a refusal, which AWS's troubleshooting guide reads.
const challenge = (outcome: Extract<JwtOutcome, { ok: false }>, scopes: readonly string[]): Record<string, string> =>
  outcome.reason === 'missing'
    ? {}
    : {
        'www-authenticate': `Bearer scope="${scopes.join(' ')}" error="${outcome.status === 403 ? 'insufficient_scope' : 'invalid_token'}" error_description="${outcome.description.replace(/"/g, "'")}"`,
      };

const LAMBDA_REFUSALS: Readonly<Record<401 | 403 | 500, HttpApiError>> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  500: 'INTERNAL_SERVER_ERROR',
};

/** The ARN a Lambda authorizer's policy is evaluated against: `<api>/<stage>/<METHOD>/<path>`, or `$default`. */
export const routeArn = (api: ApiIdentity, route: CompiledRoute, request: V2Request): string =>
  `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${api.stage}/` +
  (route.resourcePath === undefined ? '$default' : `${request.method}${request.routePath}`);

/** Runs the route's authorizer, if any, and traces it: what it hands the integration, or API Gateway's refusal. */
export async function authorizeRoute(input: AuthorizeRouteInput): Promise<RouteAuthorization> {
  const { request, route, trace, clock } = input;
  const authorizer = route.authorizer;
  if (!authorizer) return { ok: true, authorizer: undefined };
  const started = clock();
  const hop = (ok: boolean, detail: Record<string, unknown>) =>
    trace?.record({
      correlationId: request.correlationId,
      kind: 'authorizer',
      name: authorizer.spec.name,
      durationMs: clock() - started,
      status: ok ? 'ok' : 'error',
      detail,
    });
  if (authorizer.type === 'JWT') {
    const outcome = await authorizer.authorize(request, route.scopes, new Date(started));
    hop(outcome.ok, { type: 'JWT', ...(outcome.ok ? {} : { reason: outcome.reason }) });
    if (outcome.ok) return { ok: true, authorizer: { kind: 'jwt', jwt: outcome.context } };
    const error = outcome.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED';
    const response = errorResponse(error, request.requestId, challenge(outcome, route.scopes));
    return { ok: false, response, detail: { failure: `authorizer:${outcome.reason}` } };
  }
  const outcome = await authorizer.authorize({
    request,
    api: input.api,
    routeKey: route.routeKey,
    resourcePath: route.resourcePath,
    pathParameters: input.pathParameters,
    routeArn: routeArn(input.api, route, request),
  });
  hop(outcome.ok, {
    type: 'REQUEST',
    functionId: authorizer.spec.functionId,
    cached: outcome.cached,
    ...(outcome.ok ? {} : { reason: outcome.reason }),
  });
  if (outcome.ok) return { ok: true, authorizer: { kind: 'lambda', lambda: outcome.output } };
  return {
    ok: false,
    response: errorResponse(LAMBDA_REFUSALS[outcome.status], request.requestId),
    detail: { failure: `authorizer:${outcome.reason}` },
  };
}

import { httpPayload, newGatewayId, type GatewayRequest, type GatewayResponse } from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { CorsConfiguration } from '../definition/compile-cors';
import type { CompiledRoutes } from '../definition/compile-routes';
import { buildV1Event } from '../request/v1-event';
import { buildV2Event } from '../request/v2-event';
import type { ApiIdentity, V2Request } from '../request/v2-request';
import { errorResponse } from '../response/gateway-errors';
import type { CompiledRoute } from './compiled-route';
import { isPreflight, preflightResponse, withCorsHeaders } from './cors';
import { authorizeRoute } from './authorize-route';
import { invokeRoute } from './invoke-route';
import { readRequest } from './read-request';

export interface PipelineDependencies {
  readonly apiName: string;
  readonly api: ApiIdentity;
  readonly routes: CompiledRoutes;
  /** The API's CORS configuration (`x-amazon-apigateway-cors`), if any. */
  readonly cors: CorsConfiguration | undefined;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder | undefined;
  readonly clock: () => number;
}

/** API Gateway's payload limit for HTTP APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** One request through an HTTP API: stage, CORS preflight, route (else `$default`, else 404), authorizer, Lambda. */
export class HttpApiPipeline {
  constructor(private readonly deps: PipelineDependencies) {}

  async handle(incoming: GatewayRequest): Promise<GatewayResponse> {
    const startedAt = this.deps.clock();
    const request = readRequest(incoming, this.deps.api.stage, startedAt);
    if (!request) {
      const requestId = newGatewayId();
      const response = errorResponse('NOT_FOUND', requestId);
      this.record(
        incoming,
        incoming.headers['x-correlation-id']?.toString() ?? requestId,
        `${incoming.method} ${incoming.url.split('?')[0]}`,
        startedAt,
        response,
        { requestId, failure: 'no-stage' },
      );
      return response;
    }
    if (this.deps.cors && isPreflight(request.method, request.headers)) {
      const response = preflightResponse(this.deps.cors, request.headers, request.requestId);
      this.record(incoming, request.correlationId, `OPTIONS ${request.rawPath}`, startedAt, response, {
        requestId: request.requestId,
        cors: 'preflight',
      });
      return response;
    }
    const match = this.deps.routes.table.match(request.method, request.routePath);
    const route = match?.value ?? this.deps.routes.defaultRoute;
    if (!route) {
      const response = errorResponse('NOT_FOUND', request.requestId);
      this.record(incoming, request.correlationId, `${request.method} ${request.rawPath}`, startedAt, response, {
        requestId: request.requestId,
        failure: 'no-route',
      });
      return response;
    }
    const { response, detail } = await this.serve(request, route, match?.pathParameters ?? {});
    this.record(incoming, request.correlationId, route.routeKey, startedAt, response, {
      requestId: request.requestId,
      path: request.rawPath,
      functionId: route.functionId,
      ...detail,
    });
    return response;
  }

  private async serve(
    request: V2Request,
    route: CompiledRoute,
    pathParameters: Readonly<Record<string, string>>,
  ): Promise<{ response: GatewayResponse; detail: Record<string, unknown> }> {
    if (request.body.length > MAX_PAYLOAD_BYTES)
      return {
        response: errorResponse('PAYLOAD_TOO_LARGE', request.requestId),
        detail: { failure: 'payload-too-large' },
      };
    const authorization = await authorizeRoute({
      request,
      route,
      pathParameters,
      api: this.deps.api,
      trace: this.deps.trace,
      clock: this.deps.clock,
    });
    if (!authorization.ok) return { response: authorization.response, detail: authorization.detail };
    const { authorizer } = authorization;
    const { api } = this.deps;
    const { routeKey, resourcePath } = route;
    const event =
      route.payloadFormatVersion === '1.0'
        ? buildV1Event({ request, api, routeKey, resourcePath, pathParameters, authorizer })
        : buildV2Event({ request, api, routeKey, pathParameters, authorizer });
    const invocation = await invokeRoute(this.deps.invoker, route, event, request.correlationId, request.requestId);
    const response = this.deps.cors
      ? withCorsHeaders(this.deps.cors, request.headers, invocation.response)
      : invocation.response;
    return {
      response,
      detail: invocation.failure
        ? { failure: invocation.failure, ...(invocation.errorType ? { errorType: invocation.errorType } : {}) }
        : {},
    };
  }

  private record(
    incoming: GatewayRequest,
    correlationId: string,
    name: string,
    startedAt: number,
    response: GatewayResponse,
    detail: Record<string, unknown>,
  ): void {
    this.deps.trace?.record({
      correlationId,
      kind: 'http',
      name,
      startedAt: new Date(startedAt),
      durationMs: this.deps.clock() - startedAt,
      status: response.status >= 500 || detail['failure'] !== undefined ? 'error' : 'ok',
      detail: { api: this.deps.apiName, stage: this.deps.api.stage, status: response.status, ...detail },
      payload: httpPayload(incoming, response),
    });
  }
}

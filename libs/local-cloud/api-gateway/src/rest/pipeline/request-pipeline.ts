import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { IntegrationResult } from '../integrations/integration';
import { HeaderBag } from '../request/header-bag';
import { QueryString } from '../request/query-string';
import {
  httpPayload,
  newGatewayId,
  newRequestId,
  newTraceId,
  requestTime,
  type GatewayRequest,
  type GatewayResponse,
} from '../../core';
import type { GatewayError } from '../responses/gateway-response-types';
import type { GatewayResponses } from '../responses/gateway-responses';
import type { RouteTrie } from '../routing/route-trie';
import type { StageThrottles } from '../throttling/stage-throttles';
import type { UsagePlans } from '../throttling/usage-plans';
import type { CompiledRoute } from './compiled-route';
import { RequestState, type ApiIdentity } from './request-state';
import type { StageRouter } from './stage-router';

export interface PipelineDependencies {
  readonly apiName: string;
  readonly api: ApiIdentity;
  readonly trie: RouteTrie<CompiledRoute>;
  readonly stages: StageRouter;
  readonly gatewayResponses: GatewayResponses;
  readonly usagePlans: UsagePlans;
  readonly stageThrottles: StageThrottles;
  readonly apiKeySource: 'HEADER' | 'AUTHORIZER';
  readonly trace: TraceRecorder | undefined;
  readonly clock: () => number;
}

/** API Gateway's payload limit for REST APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

const sourceIpOf = (address: string | undefined): string => (address ? address.replace(/^::ffff:/, '') : '127.0.0.1');

/**
 * One request through a REST API, in API Gateway's order: stage and resource (403 Missing Authentication
 * Token), authorizer, API key and usage plan, stage/method throttling, request validation, integration. Every
 * failure is answered by a gateway response; the outcome is recorded as an `http` hop.
 */
export class RequestPipeline {
  constructor(private readonly deps: PipelineDependencies) {}

  async handle(request: GatewayRequest): Promise<GatewayResponse> {
    const startedAt = this.deps.clock();
    const requestId = newRequestId();
    const queryStart = request.url.indexOf('?');
    const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
    const query = new QueryString(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
    const headers = HeaderBag.fromNode(request.headers, request.rawHeaders);
    const method = request.method.toUpperCase();
    const sourceIp = sourceIpOf(request.remoteAddress);
    const correlationId = headers.get('x-correlation-id') ?? requestId;
    const selection = this.deps.stages.resolve(rawPath);
    const match = selection ? this.deps.trie.match(selection.path, method) : undefined;
    if (!selection || !match) {
      const context = {
        requestId,
        extendedRequestId: newGatewayId(),
        httpMethod: method,
        path: rawPath,
        requestTime: requestTime(startedAt),
        requestTimeEpoch: startedAt,
        identity: { sourceIp },
      };
      const response = this.deps.gatewayResponses.render(
        { responseType: 'MISSING_AUTHENTICATION_TOKEN' },
        { context, stageVariables: selection?.stage.variables ?? {}, headers, query, accept: headers.get('accept') },
      );
      this.record(request, correlationId, `${method} ${rawPath}`, startedAt, response, {
        api: this.deps.apiName,
        status: response.status,
        requestId,
        gatewayResponse: 'MISSING_AUTHENTICATION_TOKEN',
      });
      return response;
    }
    headers.appendIfAbsent('X-Forwarded-For', sourceIp);
    headers.appendIfAbsent('X-Forwarded-Proto', 'http');
    headers.appendIfAbsent('X-Forwarded-Port', /:(\d+)$/.exec(headers.get('host') ?? '')?.[1] ?? '80');
    headers.appendIfAbsent('X-Amzn-Trace-Id', newTraceId(startedAt));
    const route = match.value;
    const state = new RequestState({
      api: this.deps.api,
      method,
      fullPath: rawPath,
      path: selection.path,
      query,
      headers,
      body: request.body,
      sourceIp,
      protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
      stage: selection.stage,
      route,
      pathParameters: match.pathParameters,
      requestId,
      extendedRequestId: newGatewayId(),
      startedAt,
      correlationId,
    });
    const result = await this.run(route, state);
    const response = result.response ?? this.renderError(result.error, state);
    // Built in one literal (no spreads): this runs for every request.
    const detail: Record<string, unknown> = {
      api: this.deps.apiName,
      status: response.status,
      requestId,
      stage: selection.stage.name,
      path: rawPath,
      integration: route.integration.type,
    };
    if (result.error) detail['gatewayResponse'] = result.error.responseType;
    this.record(request, correlationId, `${method} ${route.resourcePath}`, startedAt, response, detail);
    return response;
  }

  private async run(route: CompiledRoute, state: RequestState): Promise<IntegrationResult> {
    if (state.init.body.length > MAX_PAYLOAD_BYTES) return { error: { responseType: 'REQUEST_TOO_LARGE' } };
    let usageIdentifierKey: string | undefined;
    if (route.authorizer) {
      const started = this.deps.clock();
      const outcome = await route.authorizer.authorize(state);
      this.deps.trace?.record({
        correlationId: state.init.correlationId,
        kind: 'authorizer',
        name: route.authorizer.name,
        durationMs: this.deps.clock() - started,
        status: outcome.ok ? 'ok' : 'error',
        detail: {
          type: route.authorizer.type,
          cached: outcome.cached === true,
          ...(outcome.ok ? {} : { gatewayResponse: outcome.error.responseType }),
        },
      });
      if (!outcome.ok) return { error: outcome.error };
      usageIdentifierKey = outcome.usageIdentifierKey;
    }
    const now = this.deps.clock();
    if (route.apiKeyRequired) {
      const key = this.deps.apiKeySource === 'AUTHORIZER' ? usageIdentifierKey : state.init.headers.get('x-api-key');
      const verdict = this.deps.usagePlans.check(
        key,
        state.init.stage.name,
        route.resourcePath,
        state.init.method,
        now,
      );
      if (!verdict.ok) return { error: verdict.error };
      state.addIdentity({ apiKey: verdict.apiKey, apiKeyId: verdict.apiKeyId });
    }
    if (!this.deps.stageThrottles.admit(state.init.stage.name, route.resourcePath, state.init.method, now))
      return { error: { responseType: 'THROTTLED' } };
    const failure = route.validate?.({
      headers: state.init.headers,
      query: state.init.query,
      body: state.init.body,
      contentType: state.contentType,
    });
    if (failure)
      return {
        error: {
          responseType: failure.responseType,
          message: failure.message,
          validationErrorString: failure.validationErrorString,
        },
      };
    try {
      return await route.integration.invoke(state);
    } catch {
      // A template or mapping that fails at run time is an API configuration error in API Gateway.
      return { error: { responseType: 'API_CONFIGURATION_ERROR' } };
    }
  }

  private renderError(error: GatewayError, state: RequestState): GatewayResponse {
    return this.deps.gatewayResponses.render(error, {
      context: state.context(),
      stageVariables: state.init.stage.variables,
      headers: state.init.headers,
      query: state.init.query,
      pathParameters: state.init.pathParameters,
      accept: state.init.headers.get('accept'),
    });
  }

  /** `detail` holds `api` and `status` first, then what this outcome adds. */
  private record(
    request: GatewayRequest,
    correlationId: string,
    name: string,
    startedAt: number,
    response: GatewayResponse,
    detail: Record<string, unknown>,
  ): void {
    if (!this.deps.trace) return;
    this.deps.trace.record({
      correlationId,
      kind: 'http',
      name,
      startedAt: new Date(startedAt),
      durationMs: this.deps.clock() - startedAt,
      status: response.status >= 500 || detail['gatewayResponse'] !== undefined ? 'error' : 'ok',
      detail,
      payload: httpPayload(request, response),
    });
  }
}

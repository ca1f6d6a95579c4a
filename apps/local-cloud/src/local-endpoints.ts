import type { LocalIssuer } from '@harbor/local-cloud-auth';
import { DeadLetterQueueNotFound, type DeadLetterStore, type FaultInjector } from '@harbor/local-cloud-messaging';
import type { RouteSummary } from '@harbor/local-cloud-api-gateway';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ApiGatewayV2Routes } from './apigateway-v2';
import { faultEndpoints } from './fault-endpoints';
import { jsonResponse, type IncomingRequest, type OutgoingResponse } from './http/incoming-request';
import { decodePathSegment } from './http/path-segment';

export interface LocalEndpointsDependencies {
  readonly issuer: LocalIssuer;
  readonly trace: TraceRecorder;
  readonly deadLetters: DeadLetterStore;
  readonly routes: () => readonly (RouteSummary & { api: string })[];
  /** HTTP API and WebSocket API routes; none when not given. */
  readonly v2Routes?: () => ApiGatewayV2Routes;
  /** GET/PUT/DELETE /_local/faults; not served when not given. */
  readonly faults?: FaultInjector;
}

const REDRIVE = /^\/_local\/dlq\/([^/]+)\/redrive$/;

/**
 * The local cloud's own API under /_local: the OIDC issuer and token minting, traces, dead letters and
 * routes. Answers undefined for paths that are not its own.
 */
export function localEndpoints(deps: LocalEndpointsDependencies) {
  const handleFaults = deps.faults ? faultEndpoints(deps.faults) : () => undefined;
  return async function handleLocal(request: IncomingRequest): Promise<OutgoingResponse | undefined> {
    if (!request.path.startsWith('/_local/')) return undefined;
    const issued = await deps.issuer.handle({
      method: request.method,
      path: request.path,
      body: request.body.toString('utf8'),
    });
    if (issued) return { status: issued.statusCode, headers: issued.headers, body: issued.body };

    const faults = handleFaults(request);
    if (faults) return faults;
    const query = new URLSearchParams(request.url.slice(request.path.length + 1));
    if (request.method === 'GET' && request.path === '/_local/traces') {
      const correlationId = query.get('correlationId');
      if (correlationId) return jsonResponse(200, { correlationId, hops: deps.trace.byCorrelationId(correlationId) });
      const limit = Number(query.get('limit') ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        return jsonResponse(400, { message: 'limit must be an integer from 1 to 1000' });
      return jsonResponse(200, { traces: deps.trace.recent(limit) });
    }
    if (request.method === 'GET' && request.path === '/_local/dlq')
      return jsonResponse(200, { queues: deps.deadLetters.list() });
    const redrive = REDRIVE.exec(request.path);
    if (request.method === 'POST' && redrive) {
      const queue = decodePathSegment(redrive[1]);
      if (queue === undefined)
        return jsonResponse(400, { message: `the queue name in ${request.path} is not percent-encoded UTF-8` });
      try {
        return jsonResponse(200, await deps.deadLetters.redrive(queue));
      } catch (error) {
        if (error instanceof DeadLetterQueueNotFound) return jsonResponse(404, { message: error.message });
        throw error;
      }
    }
    if (request.method === 'GET' && request.path === '/_local/routes') {
      const v2 = deps.v2Routes?.() ?? { httpApi: [], websocket: [] };
      return jsonResponse(200, { routes: deps.routes(), httpApiRoutes: v2.httpApi, websocketRoutes: v2.websocket });
    }
    return jsonResponse(404, {
      message: `${request.method} ${request.path} is not a local-cloud endpoint (see /_local/routes, /_local/traces, /_local/dlq, /_local/faults, /_local/token)`,
    });
  };
}

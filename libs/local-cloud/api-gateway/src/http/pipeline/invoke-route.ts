import { withTimeout, type GatewayResponse } from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import { errorResponse } from '../response/gateway-errors';
import { toGatewayResponse } from '../response/to-gateway-response';
import { parseV1Result } from '../response/v1-result';
import { parseV2Result } from '../response/v2-result';
import type { CompiledRoute } from './compiled-route';

export interface RouteInvocation {
  readonly response: GatewayResponse;
  /** Why API Gateway answered instead of the function, for the trace. */
  readonly failure?: 'invoke-failed' | 'function-error' | 'malformed-response' | 'integration-timeout';
  readonly errorType?: string;
}

/**
 * Calls the route's function with its 1.0 or 2.0 event and maps the outcome as an HTTP API does: a function error
 * (its own timeout included) or a malformed response is a 500, no answer within the integration timeout a 503.
 */
export const invokeRoute = async (
  invoker: Invoker,
  route: CompiledRoute,
  event: unknown,
  correlationId: string,
  requestId: string,
): Promise<RouteInvocation> => {
  let outcome;
  try {
    outcome = await withTimeout(
      invoker.invoke({ functionId: route.functionId, event, correlationId, invocationType: 'RequestResponse' }),
      route.timeoutMs,
    );
  } catch {
    return { response: errorResponse('INTERNAL_SERVER_ERROR', requestId), failure: 'invoke-failed' };
  }
  if (outcome === undefined)
    return { response: errorResponse('SERVICE_UNAVAILABLE', requestId), failure: 'integration-timeout' };
  if (!outcome.ok)
    return {
      response: errorResponse('INTERNAL_SERVER_ERROR', requestId),
      failure: 'function-error',
      errorType: outcome.error.errorType,
    };
  const result = route.payloadFormatVersion === '1.0' ? parseV1Result(outcome.result) : parseV2Result(outcome.result);
  if (!result) return { response: errorResponse('INTERNAL_SERVER_ERROR', requestId), failure: 'malformed-response' };
  return { response: toGatewayResponse(result, requestId) };
};

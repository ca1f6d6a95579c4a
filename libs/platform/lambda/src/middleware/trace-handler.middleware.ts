import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { Observability } from '../observability/observability';

/**
 * Powertools' `captureLambdaHandler` where this environment traces. Elsewhere a middleware that does nothing, as
 * `captureLambdaHandler` does there, but without building the Tracer: the X-Ray SDK stays unloaded (lazy-tracer.ts).
 */
export function traceHandler(observability: Observability): MiddlewareObj {
  if (observability.tracingEnabled) return captureLambdaHandler(observability.tracer);
  return { before: () => undefined };
}

import { METRICS_KEY } from '@aws-lambda-powertools/commons';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';

/**
 * Powertools' `logMetrics` (cold start captured, metrics flushed after the handler, on error and on an early
 * return) without its warning when an invocation recorded no metric. Handlers record business metrics when
 * something happens (an order placed), so most invocations of most routes record none, and a warning line for each
 * (billed in CloudWatch Logs, and a quarter of a plain route's runtime locally) said nothing.
 */
export function publishMetrics(metrics: Metrics): MiddlewareObj {
  const flush = (): void => {
    if (metrics.hasStoredMetrics()) {
      metrics.publishStoredMetrics();
    } else {
      // What publishing would have cleared: dimensions or metadata set without a metric must not leak into the next.
      metrics.clearDimensions();
      metrics.clearMetadata();
    }
  };
  return {
    before: (request: Request) => {
      metrics.captureColdStartMetric(request.context.functionName);
      // Middy's early returns (an idempotent replay) call each Powertools middleware's cleanup under its key.
      request.internal = { ...request.internal, [METRICS_KEY]: flush };
    },
    after: flush,
    onError: flush,
  };
}

import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { lazyTracer, mayTrace } from './lazy-tracer';

export const METRICS_NAMESPACE = 'Harbor';

/** The Powertools trio a service's handlers share. */
export interface Observability {
  readonly serviceName: string;
  readonly logger: Logger;
  /** Built on first use (see lazy-tracer.ts); handlers add it to their stack with `traceHandler`. */
  readonly tracer: Tracer;
  /** Whether this execution environment traces, by Powertools' own rule. */
  readonly tracingEnabled: boolean;
  readonly metrics: Metrics;
}

const byService = new Map<string, Observability>();

/**
 * One logger, tracer and metrics instance per service: handlers call this once at module scope, and a second
 * call for the same service (another handler of it in the same process) gets the same instances.
 */
export function createObservability(serviceName: string): Observability {
  if (!/^[a-z][a-z0-9-]*$/.test(serviceName))
    throw new Error(`Invalid service name "${serviceName}": expected lower-case letters, digits or -`);
  let observability = byService.get(serviceName);
  if (!observability) {
    // The search function lets `correlationIdPath` be a JMESPath expression.
    const logger = new Logger({ serviceName, correlationIdSearchFn: search });
    const tracer = lazyTracer(serviceName);
    observability = {
      serviceName,
      logger,
      get tracer() {
        return tracer();
      },
      // Where the environment turns tracing off, asking the Tracer would load the SDK only to hear "no".
      tracingEnabled: mayTrace() && tracer().isTracingEnabled(),
      // Its warnings (no metrics this invocation...) go through the logger: structured, and quiet where it is.
      metrics: new Metrics({ serviceName, namespace: METRICS_NAMESPACE, logger }),
    };
    byService.set(serviceName, observability);
  }
  return observability;
}

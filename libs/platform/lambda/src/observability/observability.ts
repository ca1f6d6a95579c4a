import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

export const METRICS_NAMESPACE = 'Harbor';

/** The Powertools trio a service's handlers share. */
export interface Observability {
  readonly serviceName: string;
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly metrics: Metrics;
}

const byService = new Map<string, Observability>();

/**
 * One logger, tracer and metrics instance per service: handlers call this once at module scope, and a second
 * call for the same service (another handler of it in the same process) gets the same instances.
 */
export function createObservability(serviceName: string): Observability {
  if (!/^[a-z][a-z0-9-]*$/.test(serviceName)) throw new Error(`Invalid service name "${serviceName}": expected lower-case letters, digits or -`);
  let observability = byService.get(serviceName);
  if (!observability) {
    // The search function lets `correlationIdPath` be a JMESPath expression.
    const logger = new Logger({ serviceName, correlationIdSearchFn: search });
    observability = {
      serviceName,
      logger,
      tracer: new Tracer({ serviceName }),
      // Its warnings (no metrics this invocation...) go through the logger: structured, and quiet where it is.
      metrics: new Metrics({ serviceName, namespace: METRICS_NAMESPACE, logger }),
    };
    byService.set(serviceName, observability);
  }
  return observability;
}

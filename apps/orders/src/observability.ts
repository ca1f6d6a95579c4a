import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { OrderEventOutcome } from '@harbor/orders-application';
import { createObservability } from '@harbor/platform-lambda';

/** The orders service's logger, tracer and metrics, shared by its handlers. */
export const observability = createObservability('orders');

/**
 * Logs and counts what a consumer did with an event. An ignored event is acknowledged (retrying cannot make it
 * apply), so it is logged as a warning with its code and counted: an alarm on the metric brings a person.
 */
export function reportOrderEventOutcome(
  outcome: OrderEventOutcome,
  event: { readonly eventType: string; readonly eventId: string; readonly orderId: string },
  tools: { readonly logger: Logger; readonly metrics: Metrics },
): void {
  if (outcome.kind === 'ignored') {
    tools.logger.warn('Event acknowledged without changing the order', {
      ...event,
      code: outcome.code,
      reason: outcome.reason,
    });
    tools.metrics.addMetric('OrderEventsIgnored', MetricUnit.Count, 1);
  } else if (outcome.kind === 'already-applied') {
    tools.logger.info('Event already applied (redelivery)', { ...event, status: outcome.order.status });
  } else {
    tools.logger.info('Order changed by event', { ...event, status: outcome.order.status });
    tools.metrics.addMetric('OrderEventsApplied', MetricUnit.Count, 1);
  }
}

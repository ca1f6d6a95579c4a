import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { RecordOutcome } from '@harbor/notifications-application';
import { createObservability } from '@harbor/platform-lambda';

/** The notifications service's logger, tracer and metrics, shared by its handlers. */
export const observability = createObservability('notifications');

/** Logs and counts a recorded notification; a duplicate (a redelivery) is logged, never counted twice. */
export function reportRecordOutcome(
  outcome: RecordOutcome,
  notification: { readonly kind: string; readonly sourceEventId: string; readonly orderId: string },
  tools: { readonly logger: Logger; readonly metrics: Metrics },
): void {
  if (outcome === 'duplicate') {
    tools.logger.info('Notification already recorded (redelivery)', { ...notification });
    return;
  }
  tools.logger.info('Notification recorded', { ...notification });
  tools.metrics.addMetric('NotificationsRecorded', MetricUnit.Count, 1);
}

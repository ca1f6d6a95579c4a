import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { RelayResult } from './outbox-relay';

export interface RelayReportTools {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * Logs and counts what one relay call did, the same way for every service, and answers the sequence numbers
 * the stream must give again (a partial batch response).
 */
export function reportRelayResult(result: RelayResult, { logger, metrics }: RelayReportTools): string[] {
  metrics.addMetric('OutboxEventsPublished', MetricUnit.Count, result.published.length);
  if (result.failures.length > 0) metrics.addMetric('OutboxEventsFailed', MetricUnit.Count, result.failures.length);
  for (const failure of result.failures) logger.warn('Outbox record not published: it will be retried', { ...failure });
  for (const skipped of result.skipped) logger.info('Outbox record skipped', { ...skipped });
  // Retrying these would publish them a second time; an alarm on this metric brings a person instead.
  for (const unmarked of result.unmarked) logger.error('Outbox event published but not marked', { ...unmarked });
  if (result.unmarked.length > 0) metrics.addMetric('OutboxMarksFailed', MetricUnit.Count, result.unmarked.length);
  return result.failures.map((failure) => failure.sequenceNumber);
}

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dynamoDbStreamHandler } from '@harbor/platform-lambda';
import { outboxRelay } from './composition-root';
import { observability } from './observability';

/**
 * Outbox relay: the orders table's stream (INSERTs of outbox records, see events.yaml streams.outbox-relay)
 * → EventBridge. Answers the records to retry as a partial batch response, so a refused event is retried
 * without publishing the others again.
 */
export const handler = dynamoDbStreamHandler({ observability }, async ({ records, logger, metrics }) => {
  const result = await outboxRelay().relay(records);
  metrics.addMetric('OutboxEventsPublished', MetricUnit.Count, result.published.length);
  if (result.failures.length > 0) metrics.addMetric('OutboxEventsFailed', MetricUnit.Count, result.failures.length);
  for (const failure of result.failures) logger.warn('Outbox record not published: it will be retried', { ...failure });
  for (const skipped of result.skipped) logger.info('Outbox record skipped', { ...skipped });
  // Retrying these would publish them a second time; an alarm on this metric brings a person instead.
  for (const unmarked of result.unmarked) logger.error('Outbox event published but not marked', { ...unmarked });
  if (result.unmarked.length > 0) metrics.addMetric('OutboxMarksFailed', MetricUnit.Count, result.unmarked.length);
  return result.failures.map((failure) => failure.sequenceNumber);
});

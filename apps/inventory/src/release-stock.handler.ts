import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { OrderCancelled } from '@harbor/contracts';
import { eventHandler } from '@harbor/platform-lambda';
import { releaseStock } from './composition-root';
import { observability } from './observability';

/** OrderCancelled (EventBridge, from harbor.orders) → give back exactly what the order's reservation holds, once. */
export const handler = eventHandler({ observability, detailSchema: OrderCancelled.envelopeSchema }, async ({ detail, logger, metrics }) => {
  const { eventId, eventType, payload } = detail;
  const outcome = await releaseStock().execute({ eventId, eventType, orderId: payload.orderId });
  if (outcome === 'released') metrics.addMetric('StockReleased', MetricUnit.Count, 1);
  logger.info('OrderCancelled handled', { eventId, orderId: payload.orderId, outcome });
});

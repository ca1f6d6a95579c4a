import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { OrderPlaced } from '@harbor/contracts';
import { eventHandler } from '@harbor/platform-lambda';
import { reserveStock } from './composition-root';
import { observability } from './observability';

/**
 * OrderPlaced (EventBridge, from harbor.orders) → reserve every line of the order, or none, and publish
 * StockReserved or StockRejected. A redelivered event changes nothing; a lost race is thrown, so the bus retries.
 */
export const handler = eventHandler(
  { observability, detailSchema: OrderPlaced.envelopeSchema },
  async ({ detail, correlationId, logger, metrics }) => {
    const { eventId, eventType, payload } = detail;
    const outcome = await reserveStock().execute({
      eventId,
      eventType,
      correlationId,
      orderId: payload.orderId,
      lines: payload.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    });
    metrics.addMetric(
      outcome === 'reserved' ? 'StockReserved' : outcome === 'rejected' ? 'StockRejected' : 'DuplicateEvent',
      MetricUnit.Count,
      1,
    );
    logger.info('OrderPlaced handled', { eventId, orderId: payload.orderId, outcome });
  },
);

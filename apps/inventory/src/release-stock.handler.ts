import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { OrderCancelled, OrderExpired } from '@harbor/contracts';
import { eventHandler } from '@harbor/platform-lambda';
import * as z from 'zod';
import { releaseStock } from './composition-root';
import { observability } from './observability';

const OrderClosedUnpaid = z.union([OrderCancelled.envelopeSchema, OrderExpired.envelopeSchema]);

/**
 * OrderCancelled or OrderExpired (EventBridge, from harbor.orders) → give back exactly what the order's reservation
 * holds, once: the reservation is released at most once whichever event, and however often, arrives.
 */
export const handler = eventHandler(
  { observability, detailSchema: OrderClosedUnpaid },
  async ({ detail, logger, metrics }) => {
    const { eventId, eventType, payload } = detail;
    const outcome = await releaseStock().execute({ eventId, eventType, orderId: payload.orderId });
    if (outcome === 'released') metrics.addMetric('StockReleased', MetricUnit.Count, 1);
    logger.info(`${eventType} handled`, { eventId, orderId: payload.orderId, outcome });
  },
);

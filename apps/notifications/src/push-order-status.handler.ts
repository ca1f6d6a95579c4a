import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { OrderStatusChanged } from '@harbor/contracts';
import { pushOrderStatus } from './composition-root';
import { observability } from './observability';
import { snsMessageHandler } from '@harbor/platform-lambda';

/**
 * Every OrderStatusChanged on the order-status topic (subscription notifications-order-status-push) is pushed to
 * each open connection of the order's customer as {"type":"order.status","orderId","status"}, once per event.
 */
export const handler = snsMessageHandler(
  { observability, messageSchema: OrderStatusChanged.envelopeSchema },
  async ({ message, logger, metrics }) => {
    const { orderId, customerId, status } = message.payload;
    const outcome = await pushOrderStatus().execute({ eventId: message.eventId, orderId, customerId, status });
    const event = { eventId: message.eventId, orderId, status };
    if (outcome.kind === 'duplicate') {
      logger.info('Status change already pushed (redelivery)', event);
      return;
    }
    logger.info('Status change pushed', { ...event, delivered: outcome.delivered, removedStale: outcome.removedStale });
    metrics.addMetric('StatusMessagesPushed', MetricUnit.Count, outcome.delivered);
    if (outcome.removedStale > 0) metrics.addMetric('StaleConnectionsRemoved', MetricUnit.Count, outcome.removedStale);
  },
);

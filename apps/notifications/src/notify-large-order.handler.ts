import { OrderStatusChanged } from '@harbor/contracts';
import { InvalidNotification } from '@harbor/notifications-domain';
import { recordNotification } from './composition-root';
import { observability, reportRecordOutcome } from './observability';
import { snsMessageHandler } from '@harbor/platform-lambda';

/**
 * Status changes of large orders (subscription notifications-large-orders, a numeric filter on totalMinor) are
 * recorded once each. A small order that got through is acknowledged and logged: retrying cannot make it large.
 */
export const handler = snsMessageHandler(
  { observability, messageSchema: OrderStatusChanged.envelopeSchema },
  async ({ message, logger, metrics }) => {
    const { orderId, customerId, status, total } = message.payload;
    try {
      const { outcome, notification } = await recordNotification().execute({
        kind: 'LARGE_ORDER',
        sourceEventId: message.eventId,
        orderId,
        customerId,
        status,
        total,
        occurredAt: new Date(message.occurredAt),
      });
      reportRecordOutcome(outcome, notification, { logger, metrics });
    } catch (error) {
      if (!(error instanceof InvalidNotification)) throw error;
      logger.warn('Order not recorded as large (the filter policy should have held it back)', {
        eventId: message.eventId,
        orderId,
        reason: error.message,
      });
    }
  },
);

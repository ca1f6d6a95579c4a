import { OrderStatusChanged } from '@harbor/contracts';
import { recordNotification } from './composition-root';
import { observability, reportRecordOutcome } from './observability';
import { snsMessageHandler } from '@harbor/platform-lambda';

/** Every order entering CONFIRMED (subscription notifications-order-confirmed) is recorded for its customer, once. */
export const handler = snsMessageHandler(
  { observability, messageSchema: OrderStatusChanged.envelopeSchema },
  async ({ message, logger, metrics }) => {
    const { orderId, customerId, status, total } = message.payload;
    if (status !== 'CONFIRMED') {
      logger.warn('Status change not for this subscriber (the filter policy should have held it back)', {
        eventId: message.eventId,
        orderId,
        status,
      });
      return;
    }
    const { outcome, notification } = await recordNotification().execute({
      kind: 'ORDER_CONFIRMED',
      sourceEventId: message.eventId,
      orderId,
      customerId,
      total,
      occurredAt: new Date(message.occurredAt),
    });
    reportRecordOutcome(outcome, notification, { logger, metrics });
  },
);

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { messageMatchesDigest, PaymentNotification } from '@harbor/contracts';
import { recordNotification } from './composition-root';
import { observability, reportRecordOutcome } from './observability';
import { snsMessageHandler } from '@harbor/platform-lambda';

/**
 * PaymentFailed from the payment-events topic (subscription notifications-payment-failed) is recorded once per
 * provider notification. The message must be the body whose digest the webhook authorizer verified; one that is
 * not was altered after signing and is dropped, loudly.
 */
export const handler = snsMessageHandler(
  { observability, messageSchema: PaymentNotification },
  async ({ message, rawMessage, attributes, logger, metrics }) => {
    const event = { eventType: message.eventType, notificationId: message.notificationId, orderId: message.orderId };
    if (!messageMatchesDigest(rawMessage, attributes['contentSha256'])) {
      logger.error('Payment notification dropped: it is not the body its signature covered', event);
      metrics.addMetric('PaymentNotificationsUnverified', MetricUnit.Count, 1);
      return;
    }
    if (message.eventType !== 'PaymentFailed') {
      logger.warn('Payment notification not for this subscriber (the filter policy should have held it back)', event);
      return;
    }
    const { outcome, notification } = await recordNotification().execute({
      kind: 'PAYMENT_FAILED',
      sourceEventId: message.notificationId,
      orderId: message.orderId,
      paymentId: message.paymentId,
      amount: message.amount,
      occurredAt: new Date(message.occurredAt),
    });
    reportRecordOutcome(outcome, notification, { logger, metrics });
  },
);

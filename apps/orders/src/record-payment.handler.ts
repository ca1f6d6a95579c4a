import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { messageMatchesDigest, PaymentNotification } from '@harbor/contracts';
import { markOrderPaid } from './composition-root';
import { observability, reportOrderEventOutcome } from './observability';
import { snsMessageHandler } from '@harbor/platform-lambda';

/**
 * PaymentSucceeded from the payment-events topic (subscription orders-payments, events.yaml, filtered to settled
 * currencies) marks the order PAID. The message must be the very body whose digest the webhook authorizer
 * verified; one that is not was altered after signing and is dropped, loudly.
 */
export const handler = snsMessageHandler(
  { observability, messageSchema: PaymentNotification },
  async ({ message, rawMessage, attributes, correlationId, logger, metrics }) => {
    const event = { eventType: message.eventType, eventId: message.notificationId, orderId: message.orderId };
    if (!messageMatchesDigest(rawMessage, attributes['contentSha256'])) {
      logger.error('Payment notification dropped: it is not the body its signature covered', event);
      metrics.addMetric('PaymentNotificationsUnverified', MetricUnit.Count, 1);
      return;
    }
    if (message.eventType !== 'PaymentSucceeded') {
      logger.warn('Payment notification not for orders (the filter policy should have held it back)', event);
      return;
    }
    const outcome = await markOrderPaid().execute(
      { orderId: message.orderId, paymentId: message.paymentId, amount: message.amount },
      { correlationId, causationId: message.notificationId },
    );
    reportOrderEventOutcome(outcome, event, { logger, metrics });
  },
);

import type { MessagingDeclarations } from '../messaging/messaging-view';

/** One topic with two subscriptions and one bus with one rule, for the specs. */
export const DECLARATIONS: MessagingDeclarations = {
  env: 'test',
  topics: [{ name: 'harbor-test-order-events', arn: 'arn:aws:sns:us-east-1:000000000000:harbor-test-order-events' }],
  subscriptions: [
    {
      name: 'notify-paid',
      topicArn: 'arn:aws:sns:us-east-1:000000000000:harbor-test-order-events',
      functionId: 'notifications.onPaid',
      filterPolicy: { eventType: ['OrderPaid'] },
      filterPolicyScope: 'MessageAttributes',
      rawMessageDelivery: false,
      deadLetterQueue: true,
    },
    {
      name: 'audit-body',
      topicArn: 'arn:aws:sns:us-east-1:000000000000:harbor-test-order-events',
      functionId: 'audit.all',
      filterPolicy: { order: { status: ['PAID'] } },
      filterPolicyScope: 'MessageBody',
      rawMessageDelivery: true,
      deadLetterQueue: false,
    },
  ],
  buses: [{ name: 'harbor-test-bus', arn: 'arn:aws:events:us-east-1:000000000000:event-bus/harbor-test-bus' }],
  rules: [
    {
      name: 'reserve-stock',
      bus: 'harbor-test-bus',
      eventPattern: { source: ['harbor.orders'], 'detail-type': ['OrderPlaced'] },
      functionId: 'inventory.reserve',
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
      deadLetterQueue: true,
    },
  ],
};

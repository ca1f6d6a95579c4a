import { DECLARATIONS } from '../testing/messaging-declarations';
import { messagingView } from './messaging-view';

describe('messagingView', () => {
  it('lists topics with their subscriptions and buses with their rules, dead-letter queues by name', () => {
    const view = messagingView(DECLARATIONS);
    expect(view.topics[0].subscriptions).toEqual([
      {
        name: 'notify-paid',
        functionId: 'notifications.onPaid',
        filterPolicy: { eventType: ['OrderPaid'] },
        filterPolicyScope: 'MessageAttributes',
        rawMessageDelivery: false,
        deadLetterQueue: 'harbor-test-notify-paid-dlq',
      },
      {
        name: 'audit-body',
        functionId: 'audit.all',
        filterPolicy: { order: { status: ['PAID'] } },
        filterPolicyScope: 'MessageBody',
        rawMessageDelivery: true,
      },
    ]);
    expect(view.buses).toEqual([
      {
        name: 'harbor-test-bus',
        arn: 'arn:aws:events:us-east-1:000000000000:event-bus/harbor-test-bus',
        rules: [
          {
            name: 'reserve-stock',
            eventPattern: { source: ['harbor.orders'], 'detail-type': ['OrderPlaced'] },
            functionId: 'inventory.reserve',
            deadLetterQueue: 'harbor-test-reserve-stock-dlq',
            retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
          },
        ],
      },
    ]);
  });
});

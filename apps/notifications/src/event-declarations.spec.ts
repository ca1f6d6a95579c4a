import { OrderStatusChanged, orderStatusAttributes, OrderStatusSchema, PAYMENT_EVENT_TYPES } from '@harbor/contracts';
import { LARGE_ORDER_MIN_TOTAL_MINOR } from '@harbor/notifications-domain';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';

// events.yaml is read by Terraform and the local cloud as typed; these keep its filters equal to the contracts.
const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false });
const notifications = services.find((service) => service.name === 'notifications')!;
const subscription = (name: string) => notifications.events.subscriptions[name];

// The attributes orders' relay publishes with every OrderStatusChanged: filters may only name these.
const published = orderStatusAttributes({
  eventType: OrderStatusChanged.name,
  version: OrderStatusChanged.version,
  correlationId: 'c',
  payload: {
    orderId: '0b8e2c44-1111-4000-8000-000000000002',
    customerId: 'alice',
    status: 'CONFIRMED',
    total: { amountMinor: 1, currency: 'EUR' },
  },
});

describe('apps/notifications/api/events.yaml agrees with libs/contracts', () => {
  it('the push subscription takes every OrderStatusChanged', () => {
    expect(subscription('notifications-order-status-push')).toMatchObject({
      topic: 'order-status',
      function: 'pushOrderStatus',
      filterPolicyScope: 'MessageAttributes',
      filterPolicy: { eventType: [OrderStatusChanged.name] },
    });
  });

  it('the confirmed subscription selects the CONFIRMED status only', () => {
    expect(subscription('notifications-order-confirmed')?.filterPolicy).toEqual({
      eventType: [OrderStatusChanged.name],
      status: [OrderStatusSchema.enum.CONFIRMED],
    });
  });

  it('the large-orders subscription filters totalMinor numerically from the domain’s threshold', () => {
    expect(subscription('notifications-large-orders')?.filterPolicy).toEqual({
      eventType: [OrderStatusChanged.name],
      totalMinor: [{ numeric: ['>=', LARGE_ORDER_MIN_TOTAL_MINOR] }],
    });
    // A numeric filter matches only a Number attribute.
    expect(published['totalMinor']?.DataType).toBe('Number');
  });

  it('every order-status filter names attributes the publisher sets', () => {
    const onOrderStatus = Object.values(notifications.events.subscriptions).filter(
      (candidate) => candidate.topic === 'order-status',
    );
    expect(onOrderStatus).toHaveLength(3);
    for (const candidate of onOrderStatus)
      expect(Object.keys(published)).toEqual(expect.arrayContaining(Object.keys(candidate.filterPolicy ?? {})));
  });

  it('the payment subscription selects PaymentFailed on the topic orders owns', () => {
    expect(PAYMENT_EVENT_TYPES).toContain('PaymentFailed');
    expect(subscription('notifications-payment-failed')).toMatchObject({
      topic: 'payment-events',
      filterPolicy: { eventType: ['PaymentFailed'] },
    });
    const owner = services.find(
      (service) => 'payment-events' in service.events.topics && 'order-status' in service.events.topics,
    );
    expect(owner?.name).toBe('orders');
  });

  it('each subscription runs a declared function and keeps failed deliveries in a dead-letter queue', () => {
    for (const candidate of Object.values(notifications.events.subscriptions)) {
      expect(Object.keys(notifications.functions)).toContain(candidate.function);
      expect(candidate.deadLetterQueue).toBe(true);
    }
  });

  it('the WebSocket API runs the token authorizer on $connect', () => {
    expect(notifications.websocket).toMatchObject({
      authorizer: { function: 'authorizeConnection', identitySources: ['route.request.querystring.token'] },
      routes: { $connect: { function: 'openConnection' }, $disconnect: { function: 'closeConnection' } },
    });
  });
});

import {
  eventPatternFor,
  OrderStatusChanged,
  SETTLEMENT_CURRENCIES,
  StockRejected,
  StockReserved,
} from '@harbor/contracts';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';

// events.yaml is read by Terraform and the local cloud as typed; these keep its patterns equal to the contracts.
const orders = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false }).find(
  (service) => service.name === 'orders',
)!;

describe('apps/orders/api/events.yaml agrees with libs/contracts', () => {
  it('the stock-outcome rule selects exactly StockReserved and StockRejected from harbor.inventory', () => {
    expect(orders.events.rules['stock-outcome']?.eventPattern).toEqual(
      eventPatternFor('harbor.inventory', [StockReserved, StockRejected]),
    );
  });

  it('the orders-payments subscription selects PaymentSucceeded in the settlement currencies only', () => {
    expect(orders.events.subscriptions['orders-payments']).toMatchObject({
      topic: 'payment-events',
      filterPolicyScope: 'MessageAttributes',
      filterPolicy: { eventType: ['PaymentSucceeded'], currency: [...SETTLEMENT_CURRENCIES] },
    });
  });

  it('status changes travel on the order-status topic this service owns', () => {
    expect(orders.events.publishes.sns).toEqual({ topic: 'order-status', events: [OrderStatusChanged.name] });
    expect(Object.keys(orders.events.topics)).toEqual(expect.arrayContaining(['order-status', 'payment-events']));
  });
});

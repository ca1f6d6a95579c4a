import {
  CryptoIdGenerator,
  DynamooseCatalogPrices,
  DynamooseOrderRepository,
  DynamooseOutboxStore,
  EventBridgeEventPublisher,
  orderStatusMessageAttributes,
  OutboxRelay,
  RoutingEventPublisher,
  SnsEventPublisher,
  SystemClock,
} from '@harbor/orders-adapters';
import { OrderStatusChanged } from '@harbor/contracts';
import {
  ApplyCatalogChange,
  CancelOrder,
  ConfirmOrder,
  GetOrder,
  ListCustomerOrders,
  MarkOrderPaid,
  PlaceOrder,
  RejectOrder,
  type CatalogPrices,
  type OrderRepository,
} from '@harbor/orders-application';

// Wiring of the orders use cases to their adapters. Built on first use rather than at import, so a cold start
// pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the function's environment must name it (apps/orders/api/functions.yaml)`);
  return value;
}

let repository: OrderRepository | undefined;
const orderRepository = (): OrderRepository => (repository ??= new DynamooseOrderRepository({ tableName: requiredEnv('ORDERS_TABLE_NAME') }));
let prices: CatalogPrices | undefined;
const catalogPrices = (): CatalogPrices => (prices ??= new DynamooseCatalogPrices({ tableName: requiredEnv('ORDERS_PRICES_TABLE_NAME') }));
const clock = new SystemClock();
const idGenerator = new CryptoIdGenerator();

/** MAX_OPEN_ORDERS_PER_CUSTOMER (apps/orders/api/functions.yaml), a whole number of at least 1. */
function maxOpenOrders(): number {
  const declared = Number(requiredEnv('MAX_OPEN_ORDERS_PER_CUSTOMER'));
  if (!Number.isSafeInteger(declared) || declared < 1) throw new Error(`MAX_OPEN_ORDERS_PER_CUSTOMER must be a whole number of at least 1, got ${process.env['MAX_OPEN_ORDERS_PER_CUSTOMER']}`);
  return declared;
}

export const placeOrder = (): PlaceOrder => new PlaceOrder({
    orderRepository: orderRepository(),
    catalogPrices: catalogPrices(),
    clock,
    idGenerator,
    maxOpenOrders: maxOpenOrders(),
  });
export const applyCatalogChange = (): ApplyCatalogChange => new ApplyCatalogChange({ catalogPrices: catalogPrices() });
export const getOrder = (): GetOrder => new GetOrder({ orderRepository: orderRepository() });
export const listCustomerOrders = (): ListCustomerOrders => new ListCustomerOrders({ orderRepository: orderRepository() });
export const cancelOrder = (): CancelOrder => new CancelOrder({ orderRepository: orderRepository(), clock, idGenerator });
export const confirmOrder = (): ConfirmOrder => new ConfirmOrder({ orderRepository: orderRepository(), clock, idGenerator });
export const rejectOrder = (): RejectOrder => new RejectOrder({ orderRepository: orderRepository(), clock, idGenerator });
export const markOrderPaid = (): MarkOrderPaid => new MarkOrderPaid({ orderRepository: orderRepository(), clock, idGenerator });

/** EventBridge `source` of the orders service's events (apps/orders/api/events.yaml publishes.eventbridge.source). */
export const ORDERS_EVENT_SOURCE = 'harbor.orders';

let relay: OutboxRelay | undefined;
export const outboxRelay = (): OutboxRelay =>
  (relay ??= new OutboxRelay({
    store: new DynamooseOutboxStore({ tableName: requiredEnv('ORDERS_TABLE_NAME') }),
    // Each outbox record has one destination: status changes the order-status topic, the rest the bus.
    publisher: new RoutingEventPublisher(
      [
        {
          eventTypes: [OrderStatusChanged.name],
          publisher: new SnsEventPublisher({ topicArn: requiredEnv('ORDER_STATUS_TOPIC_ARN'), attributesOf: orderStatusMessageAttributes }),
        },
      ],
      new EventBridgeEventPublisher({ busName: requiredEnv('EVENT_BUS_NAME'), source: ORDERS_EVENT_SOURCE }),
    ),
    clock,
  }));

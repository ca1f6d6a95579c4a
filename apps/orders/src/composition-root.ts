import {
  CryptoIdGenerator,
  DynamooseCatalogPrices,
  DynamooseOrderRepository,
  DynamooseOutboxStore,
  orderStatusMessageAttributes,
  RoutingEventPublisher,
  SchedulerPaymentDeadlines,
  SnsEventPublisher,
} from '@harbor/orders-adapters';
import { EventBridgeEventPublisher, OutboxRelay } from '@harbor/platform-outbox';
import { SystemClock } from '@harbor/shared-kernel';
import { OrderStatusChanged } from '@harbor/contracts';
import {
  ApplyCatalogChange,
  CancelOrder,
  ConfirmOrder,
  ExpireOrder,
  GetOrder,
  ListCustomerOrders,
  MarkOrderPaid,
  PlaceOrder,
  RejectOrder,
  type CatalogPrices,
  type OrderRepository,
  type PaymentDeadlines,
  type PaymentWindow,
} from '@harbor/orders-application';
import { observability } from './observability';

// Wiring of the orders use cases to their adapters. Built on first use rather than at import, so a cold start
// pays only for what its handler needs and tests can point the environment at their own tables first.

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the function's environment must name it (apps/orders/api/functions.yaml)`);
  return value;
}

let repository: OrderRepository | undefined;
const orderRepository = (): OrderRepository =>
  (repository ??= new DynamooseOrderRepository({ tableName: requiredEnv('ORDERS_TABLE_NAME') }));
let prices: CatalogPrices | undefined;
const catalogPrices = (): CatalogPrices =>
  (prices ??= new DynamooseCatalogPrices({ tableName: requiredEnv('ORDERS_PRICES_TABLE_NAME') }));
const clock = new SystemClock();
const idGenerator = new CryptoIdGenerator();

/** MAX_OPEN_ORDERS_PER_CUSTOMER (apps/orders/api/functions.yaml), a whole number of at least 1. */
function maxOpenOrders(): number {
  const declared = Number(requiredEnv('MAX_OPEN_ORDERS_PER_CUSTOMER'));
  if (!Number.isSafeInteger(declared) || declared < 1)
    throw new Error(
      `MAX_OPEN_ORDERS_PER_CUSTOMER must be a whole number of at least 1, got ${process.env['MAX_OPEN_ORDERS_PER_CUSTOMER']}`,
    );
  return declared;
}

/** A whole number of at least `min` from the environment. */
function wholeEnv(name: string, min: number): number {
  const value = Number(requiredEnv(name));
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got ${process.env[name]}`);
  return value;
}

// functions.yaml `schedules: [{ schedule: payment-deadline, env: PAYMENT_DEADLINE }]` sets PAYMENT_DEADLINE_*.
let deadlines: PaymentDeadlines | undefined;
const paymentDeadlines = (): PaymentDeadlines =>
  (deadlines ??= new SchedulerPaymentDeadlines({
    groupName: requiredEnv('PAYMENT_DEADLINE_GROUP_NAME'),
    targetArn: requiredEnv('PAYMENT_DEADLINE_TARGET_ARN'),
    roleArn: requiredEnv('PAYMENT_DEADLINE_ROLE_ARN'),
    deadLetterArn: requiredEnv('PAYMENT_DEADLINE_DLQ_ARN'),
    retryPolicy: {
      maximumRetryAttempts: wholeEnv('PAYMENT_DEADLINE_MAXIMUM_RETRY_ATTEMPTS', 0),
      maximumEventAgeSeconds: wholeEnv('PAYMENT_DEADLINE_MAXIMUM_EVENT_AGE_SECONDS', 60),
    },
  }));
const paymentWindow = (): PaymentWindow => ({
  seconds: wholeEnv('PAYMENT_DEADLINE_WINDOW_SECONDS', 1),
  deadlines: paymentDeadlines(),
});

// A deadline that could not be dropped stays harmless (ExpireOrder expires CONFIRMED orders only): a warning, not a failure.
const onDeadlineNotDropped = (error: unknown): void =>
  observability.logger.warn(
    'Payment deadline not deleted; it will fire and change nothing',
    error instanceof Error ? error : String(error),
  );

export const placeOrder = (): PlaceOrder =>
  new PlaceOrder({
    orderRepository: orderRepository(),
    catalogPrices: catalogPrices(),
    clock,
    idGenerator,
    maxOpenOrders: maxOpenOrders(),
  });
export const applyCatalogChange = (): ApplyCatalogChange => new ApplyCatalogChange({ catalogPrices: catalogPrices() });
export const getOrder = (): GetOrder => new GetOrder({ orderRepository: orderRepository() });
export const listCustomerOrders = (): ListCustomerOrders =>
  new ListCustomerOrders({ orderRepository: orderRepository() });
const deadlineDrops = () => ({ paymentDeadlines: paymentDeadlines(), onDeadlineNotDropped });
export const cancelOrder = (): CancelOrder =>
  new CancelOrder({ orderRepository: orderRepository(), clock, idGenerator, ...deadlineDrops() });
export const confirmOrder = (): ConfirmOrder =>
  new ConfirmOrder({ orderRepository: orderRepository(), clock, idGenerator, paymentWindow: paymentWindow() });
export const rejectOrder = (): RejectOrder =>
  new RejectOrder({ orderRepository: orderRepository(), clock, idGenerator });
export const markOrderPaid = (): MarkOrderPaid =>
  new MarkOrderPaid({ orderRepository: orderRepository(), clock, idGenerator, ...deadlineDrops() });
export const expireOrder = (): ExpireOrder =>
  new ExpireOrder({ orderRepository: orderRepository(), clock, idGenerator });

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
          publisher: new SnsEventPublisher({
            topicArn: requiredEnv('ORDER_STATUS_TOPIC_ARN'),
            attributesOf: orderStatusMessageAttributes,
          }),
        },
      ],
      new EventBridgeEventPublisher({ busName: requiredEnv('EVENT_BUS_NAME'), source: ORDERS_EVENT_SOURCE }),
    ),
    clock,
  }));

export { DynamooseOrderRepository, type DynamooseOrderRepositoryOptions } from './dynamoose/order.dynamoose.repository';
export { DynamooseCatalogPrices } from './catalog-prices/catalog-prices.dynamoose';
export {
  atExpression,
  paymentDeadlineScheduleName,
  SchedulerPaymentDeadlines,
  type PaymentDeadlineInput,
  type SchedulerPaymentDeadlinesOptions,
} from './scheduler/scheduler.payment-deadlines';
export { CryptoIdGenerator } from './system/crypto.id-generator';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions } from './outbox/outbox.dynamoose.store';
// Status changes go to the order-status SNS topic; everything else to the bus.
export { SnsEventPublisher, type SnsEventPublisherOptions } from './sns/sns.event-publisher';
export { RoutingEventPublisher, type EventRoute } from './sns/routing.event-publisher';
export { orderStatusMessageAttributes } from './sns/order-status.message-attributes';

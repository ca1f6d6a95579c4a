export { DynamooseOrderRepository, type DynamooseOrderRepositoryOptions } from './dynamoose/order.dynamoose.repository';
export { DynamooseCatalogPrices } from './catalog-prices/catalog-prices.dynamoose';
export { SystemClock } from './system/system.clock';
export {
  atExpression,
  paymentDeadlineScheduleName,
  SchedulerPaymentDeadlines,
  type PaymentDeadlineInput,
  type SchedulerPaymentDeadlinesOptions,
} from './scheduler/scheduler.payment-deadlines';
export { CryptoIdGenerator } from './system/crypto.id-generator';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions } from './outbox/outbox.dynamoose.store';
// The relay and the EventBridge publisher are the platform's (shared with every service); re-exported for the orders app.
export {
  EventBridgeEventPublisher,
  EventsNotPublished,
  EventTooLargeToPublish,
  InvalidOutboxRecord,
  OutboxRelay,
  outboxRecordFromStream,
  type EventBridgeEventPublisherOptions,
  type MarkOutcome,
  type OutboxKey,
  type OutboxRecordState,
  type OutboxRelayDependencies,
  type OutboxStore,
  type OutboxStreamRecord,
  type RelayFailure,
  type RelayResult,
  type UnpublishedEvent,
} from '@harbor/platform-outbox';
// Status changes go to the order-status SNS topic; everything else to the bus.
export { SnsEventPublisher, type SnsEventPublisherOptions } from './sns/sns.event-publisher';
export { RoutingEventPublisher, type EventRoute } from './sns/routing.event-publisher';
export { orderStatusMessageAttributes } from './sns/order-status.message-attributes';

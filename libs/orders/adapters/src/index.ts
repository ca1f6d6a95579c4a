export { DynamooseOrderRepository, type DynamooseOrderRepositoryOptions } from './dynamoose/order.dynamoose.repository';
export { EventBridgeEventPublisher, type EventBridgeEventPublisherOptions } from './eventbridge/eventbridge.event-publisher';
export { SystemClock } from './system/system.clock';
export { CryptoIdGenerator } from './system/crypto.id-generator';
export { EventsNotPublished, EventTooLargeToPublish, type UnpublishedEvent } from './errors';

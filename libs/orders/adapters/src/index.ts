export { DynamooseOrderRepository, type DynamooseOrderRepositoryOptions } from './dynamoose/order.dynamoose.repository';
export { EventBridgeEventPublisher, type EventBridgeEventPublisherOptions } from './eventbridge/eventbridge.event-publisher';
export { SystemClock } from './system/system.clock';
export { CryptoIdGenerator } from './system/crypto.id-generator';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions, type MarkOutcome, type OutboxRecordState } from './outbox/outbox.dynamoose.store';
export { OutboxRelay, type OutboxRelayDependencies, type OutboxStore, type RelayFailure, type RelayResult } from './outbox/outbox-relay';
export { outboxRecordFromStream, type OutboxKey, type OutboxStreamRecord } from './outbox/outbox-stream-record';
export { EventsNotPublished, EventTooLargeToPublish, InvalidOutboxRecord, type UnpublishedEvent } from './errors';

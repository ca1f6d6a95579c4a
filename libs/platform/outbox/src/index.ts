// Publishing events to EventBridge.
export { EventBridgeEventPublisher, type EventBridgeEventPublisherOptions } from './eventbridge/eventbridge.event-publisher';

// The transactional outbox relay: a table's stream → the bus, each record published once.
export type { MarkOutcome, OutboxClock, OutboxEventPublisher, OutboxKey, OutboxRecordState, OutboxStore } from './outbox/outbox.ports';
export { OutboxRelay, type OutboxRelayDependencies, type RelayFailure, type RelayResult } from './outbox/outbox-relay';
export { outboxRecordFromStream, OUTBOX_SK_PREFIX, type OutboxStreamRecord } from './outbox/outbox-stream-record';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions, type OutboxMarkFields } from './outbox/outbox.dynamoose.store';
export { reportRelayResult, type RelayReportTools } from './outbox/relay-report';

export { EventsNotPublished, EventTooLargeToPublish, InvalidOutboxRecord, type UnpublishedEvent } from './errors';

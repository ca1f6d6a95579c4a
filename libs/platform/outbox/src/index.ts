// The transactional outbox: a service's repository writes its item and the envelopes to publish in one
// transaction; the relay puts them on the bus from the table's stream, each record published once.
export type {
  MarkOutcome,
  OutboxEventPublisher,
  OutboxKey,
  OutboxRecordState,
  OutboxStore,
} from './outbox/outbox.ports';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions } from './outbox/outbox.dynamoose.store';
export { OutboxRelay, type OutboxRelayDependencies, type RelayFailure, type RelayResult } from './outbox/outbox-relay';
export { outboxRecordFromStream, OUTBOX_SK_PREFIX, type OutboxStreamRecord } from './outbox/outbox-stream-record';
export { reportRelayResult, type RelayReportTools } from './outbox/relay-report';
// The relay's publisher: the service's EventBridge bus.
export {
  EventBridgeEventPublisher,
  type EventBridgeEventPublisherOptions,
} from './eventbridge/eventbridge.event-publisher';
// Why an outbox transaction was refused: which item's condition failed.
export {
  cancellationCodes,
  CONDITION_FAILED,
  conditionFailedAt,
  TRANSACTION_CONFLICT,
} from './transactions/transaction-cancellation';

export { EventsNotPublished, EventTooLargeToPublish, InvalidOutboxRecord, type UnpublishedEvent } from './errors';

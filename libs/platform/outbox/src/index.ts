// Publishing events to EventBridge.
export { EventBridgeEventPublisher, type EventBridgeEventPublisherOptions } from './eventbridge/eventbridge.event-publisher';

// The transactional outbox relay: a table's stream → the bus, each record published once.
export type { MarkOutcome, OutboxClock, OutboxEventPublisher, OutboxKey, OutboxRecordState, OutboxStore } from './outbox/outbox.ports';
export { OutboxRelay, type OutboxRelayDependencies, type RelayFailure, type RelayResult } from './outbox/outbox-relay';
export { outboxRecordFromStream, OUTBOX_SK_PREFIX, type OutboxStreamRecord } from './outbox/outbox-stream-record';
export { DynamooseOutboxStore, type DynamooseOutboxStoreOptions, type OutboxMarkFields } from './outbox/outbox.dynamoose.store';
export { reportRelayResult, type RelayReportTools } from './outbox/relay-report';

export { EventsNotPublished, EventTooLargeToPublish, InvalidOutboxRecord, type UnpublishedEvent } from './errors';

// What adapters may call in AWS (each adapter's `<adapter>.access.ts`), and how their specs prove it.
export type { AdapterAccess, ConnectionMethod, DynamoDbAction, ResourceAccess, SchedulerAction, WiredAdapterAccess } from './access/adapter-access';
export { accessOfCommand, describeAccess, type CommandAccess, type SentCommand } from './access/aws-command-access';
export { accessMeter, recordCommands, type AccessMeter, type ClientClass, type CommandRecorder } from './access/command-recorder';
export { describeDeclaredAccess, type PhysicalNames } from './access/declared-access';

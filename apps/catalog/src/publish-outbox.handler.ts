import { dynamoDbStreamHandler } from '@harbor/platform-lambda';
import { reportRelayResult } from '@harbor/platform-outbox';
import { outboxRelay } from './composition-root';
import { observability } from './observability';

/**
 * Outbox relay: the catalog table's stream (INSERTs of outbox records, see events.yaml streams.outbox-relay)
 * → EventBridge, as a partial batch response: a refused event is retried without publishing the others again.
 */
export const handler = dynamoDbStreamHandler({ observability }, async ({ records, logger, metrics }) =>
  reportRelayResult(await outboxRelay().relay(records), { logger, metrics }),
);

import { dynamoDbStreamHandler } from '@harbor/platform-lambda';
import { reportRelayResult } from '@harbor/platform-outbox';
import { outboxRelay } from './composition-root';
import { observability } from './observability';

/**
 * Outbox relay: the orders table's stream (INSERTs of outbox records, see events.yaml streams.outbox-relay)
 * → EventBridge. Answers the records to retry as a partial batch response, so a refused event is retried
 * without publishing the others again.
 */
export const handler = dynamoDbStreamHandler({ observability }, async ({ records, logger, metrics }) =>
  reportRelayResult(await outboxRelay().relay(records), { logger, metrics }),
);

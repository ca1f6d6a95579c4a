import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamFailureLogger } from '../middleware/stream-failure-logger.middleware';
import type { Observability } from '../observability/observability';
import { toBatchResponse } from './batch-response';
import { publishMetrics } from '../middleware/publish-metrics.middleware';
import { traceHandler } from '../middleware/trace-handler.middleware';

export interface DynamoDbStreamHandlerOptions {
  readonly observability: Observability;
}

export interface DynamoDbStreamHandlerInput {
  /** The batch, in stream order. */
  readonly records: readonly DynamoDBRecord[];
  readonly event: DynamoDBStreamEvent;
  readonly context: Context;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** Sequence numbers of the records that failed; empty when the whole batch succeeded. */
export type FailedSequenceNumbers = readonly string[];

export type DynamoDbStreamHandler = MiddyfiedHandler<DynamoDBStreamEvent, DynamoDBBatchResponse>;

/**
 * The Middy stack of a DynamoDB stream consumer whose event source mapping reports batch item failures
 * (FunctionResponseTypes: ReportBatchItemFailures): the same Powertools middleware as HTTP routes and event
 * consumers; `fn` answers which records failed and gets back the partial batch response Lambda expects, so
 * only those records (from the first of them) are retried. A thrown error fails the whole batch, logged first.
 */
export function dynamoDbStreamHandler(
  options: DynamoDbStreamHandlerOptions,
  fn: (input: DynamoDbStreamHandlerInput) => Promise<FailedSequenceNumbers>,
): DynamoDbStreamHandler {
  const { logger, metrics } = options.observability;
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceHandler(options.observability))
    .use(publishMetrics(metrics))
    .use(streamFailureLogger({ logger }))
    .handler(async function runBatch(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
      const records = event.Records ?? [];
      const failed = await fn({ records, event, context, logger, metrics });
      return toBatchResponse(records, failed);
    });
}

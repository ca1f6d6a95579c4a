import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj, Request } from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

export interface StreamFailureLoggerOptions {
  readonly logger: Logger;
}

/** Logs a batch that failed as a whole, with the span of records it held, then lets the error through. */
export function streamFailureLogger(
  opts: StreamFailureLoggerOptions,
): MiddlewareObj<DynamoDBStreamEvent, DynamoDBBatchResponse> {
  const options = { ...opts };
  const streamFailureLoggerOnError = (request: Request<DynamoDBStreamEvent, DynamoDBBatchResponse>): void => {
    const records = request.event.Records ?? [];
    const error = request.error;
    options.logger.error(
      {
        message: 'Stream batch failed: the whole batch will be retried',
        records: records.length,
        firstSequenceNumber: records[0]?.dynamodb?.SequenceNumber,
        lastSequenceNumber: records[records.length - 1]?.dynamodb?.SequenceNumber,
        eventSourceARN: records[0]?.eventSourceARN,
      },
      error instanceof Error ? error : String(error),
    );
  };
  return { onError: streamFailureLoggerOnError };
}

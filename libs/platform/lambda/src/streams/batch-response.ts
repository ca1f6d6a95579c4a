import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';

/**
 * The partial batch response for the failed sequence numbers, in stream order. Lambda retries from the lowest
 * one; an identifier that names no record of the batch would make Lambda fail the whole batch, so it is a bug
 * here and thrown as one.
 */
export function toBatchResponse(
  records: readonly DynamoDBRecord[],
  failedSequenceNumbers: readonly string[],
): DynamoDBBatchResponse {
  const failed = new Set(failedSequenceNumbers);
  const inBatch = records
    .map((record) => record.dynamodb?.SequenceNumber)
    .filter((id): id is string => typeof id === 'string' && id !== '');
  const unknown = [...failed].filter((id) => !inBatch.includes(id));
  if (unknown.length > 0) throw new RangeError(`Failed sequence numbers not in this batch: ${unknown.join(', ')}`);
  return { batchItemFailures: inBatch.filter((id) => failed.has(id)).map((itemIdentifier) => ({ itemIdentifier })) };
}

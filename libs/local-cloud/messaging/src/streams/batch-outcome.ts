import type { InvokeOutcome } from '@harbor/local-cloud-lambda';
import type { LambdaStreamRecord } from './lambda-stream-record';

/** How a stream mapping reads one invocation's answer (AWS: "Configuring partial batch response with DynamoDB"). */
export type BatchOutcome =
  | { readonly kind: 'success' }
  /** The function reported failed records: Lambda retries from the first of them (`fromIndex` in the batch). */
  | { readonly kind: 'partial'; readonly fromIndex: number; readonly failed: readonly string[] }
  | { readonly kind: 'function-error'; readonly errorType: string; readonly errorMessage: string }
  /** An answer Lambda cannot read as a partial batch response: the whole batch counts as failed. */
  | { readonly kind: 'invalid-response'; readonly reason: string };

export function interpretOutcome(
  outcome: InvokeOutcome,
  records: readonly LambdaStreamRecord[],
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (!outcome.ok)
    return { kind: 'function-error', errorType: outcome.error.errorType, errorMessage: outcome.error.errorMessage };
  // Without ReportBatchItemFailures on the mapping, Lambda does not look at the answer at all.
  if (!reportBatchItemFailures) return { kind: 'success' };
  const result = outcome.result;
  // A null or empty response, or a null or empty batchItemFailures list, is a complete success.
  if (typeof result !== 'object' || result === null) return { kind: 'success' };
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null || (Array.isArray(failures) && failures.length === 0))
    return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'invalid-response', reason: 'batchItemFailures is not a list' };
  const positions = new Map(records.map((record, i) => [record.dynamodb.SequenceNumber, i]));
  const failed: string[] = [];
  let fromIndex = records.length;
  for (const failure of failures) {
    const identifier: unknown =
      typeof failure === 'object' && failure !== null
        ? (failure as { itemIdentifier?: unknown }).itemIdentifier
        : undefined;
    if (typeof identifier !== 'string' || identifier === '') {
      return {
        kind: 'invalid-response',
        reason: `a batchItemFailures entry has no itemIdentifier: ${JSON.stringify(failure)}`,
      };
    }
    const position = positions.get(identifier);
    if (position === undefined)
      return {
        kind: 'invalid-response',
        reason: `itemIdentifier ${identifier} is not a sequence number of this batch`,
      };
    failed.push(identifier);
    fromIndex = Math.min(fromIndex, position);
  }
  return { kind: 'partial', fromIndex, failed };
}

/*
 * A TransactWriteItems that DynamoDB refuses fails as a whole with TransactionCanceledException, whose
 * CancellationReasons hold one entry per item of the request, in request order ("None" for the items that
 * were fine). Only the reason of the item we care about says which domain error it was.
 */

interface CancellationReason {
  readonly Code?: string;
}

function cancellationReasons(error: unknown): readonly CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons: unknown = (error as { CancellationReasons?: unknown }).CancellationReasons;
  return Array.isArray(reasons) ? reasons : [];
}

/** True when the transaction was cancelled because the condition on its `index`-th item failed. */
export function conditionFailedAt(error: unknown, index: number): boolean {
  return cancellationReasons(error)?.[index]?.Code === 'ConditionalCheckFailed';
}

/*
 * A TransactWriteItems that DynamoDB refuses fails as a whole with TransactionCanceledException, whose
 * CancellationReasons hold one entry per item of the request, in request order ("None" for the items that
 * were fine). The reasons say which condition failed, and so which domain error it was. Every outbox write is
 * such a transaction (the item and its envelopes together), so every service's repository reads them here.
 */

/** The reason code of an item whose condition expression was false. */
export const CONDITION_FAILED = 'ConditionalCheckFailed';
/** The reason code of an item another transaction was changing at the same moment: retrying may succeed. */
export const TRANSACTION_CONFLICT = 'TransactionConflict';

interface CancellationReason {
  readonly Code?: string;
}

/**
 * The reason code of each item of a cancelled transaction, in request order ("None" where DynamoDB gave none);
 * undefined when `error` is not a cancelled transaction, an empty list when it carries no reasons.
 */
export function cancellationCodes(error: unknown): readonly string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons: unknown = (error as { CancellationReasons?: unknown }).CancellationReasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.map((reason: CancellationReason | undefined) => reason?.Code ?? 'None');
}

/** True when the transaction was cancelled because the condition on its `index`-th item failed. */
export function conditionFailedAt(error: unknown, index: number): boolean {
  return cancellationCodes(error)?.[index] === CONDITION_FAILED;
}

/*
 * A TransactWriteItems that DynamoDB refuses fails as a whole with TransactionCanceledException, whose
 * CancellationReasons hold one entry per item of the request, in request order ("None" for the items that
 * were fine). The reasons say which condition failed, and so which error it was.
 */
export function cancellationCodes(error: unknown): readonly string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons: unknown = (error as { CancellationReasons?: unknown }).CancellationReasons;
  return Array.isArray(reasons) ? reasons.map((reason: { Code?: string } | undefined) => reason?.Code ?? 'None') : [];
}

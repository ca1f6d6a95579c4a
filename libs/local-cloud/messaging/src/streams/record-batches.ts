import type { LambdaStreamRecord } from './lambda-stream-record';

/** Lambda's limit on a synchronous invocation's payload. */
export const MAX_BATCH_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** Splits records, in order, into batches of at most `batchSize` records and 6 MB of event. */
export function toBatches(records: readonly LambdaStreamRecord[], batchSize: number): LambdaStreamRecord[][] {
  const batches: LambdaStreamRecord[][] = [];
  let current: LambdaStreamRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = Buffer.byteLength(JSON.stringify(record));
    if (current.length > 0 && (current.length === batchSize || bytes + size > MAX_BATCH_PAYLOAD_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

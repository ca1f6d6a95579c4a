import { crc32 } from 'node:zlib';

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface CapacityRequest {
  /** The body to send to DynamoDB Local. */
  readonly body: Buffer;
  /** True when the caller did not ask for consumed capacity: it is then taken out of the answer again. */
  readonly injected: boolean;
}

export interface CapacityAnswer<Answer> {
  readonly readUnits: number;
  readonly writeUnits: number;
  /**
   * The answer for the caller, without the consumed capacity it did not ask for (and `x-amz-crc32` recomputed then,
   * as the SDK checks it).
   */
  readonly answer: Answer;
}

const parse = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Asks DynamoDB Local for the capacity a data-plane call consumes (`ReturnConsumedCapacity: TOTAL`), which it computes
 * as DynamoDB does (item sizes, consistency, transactions). Other calls, and calls that already ask, go unchanged.
 */
export function askForConsumedCapacity(operation: string, body: Buffer): CapacityRequest {
  if (!READS.has(operation) && !WRITES.has(operation)) return { body, injected: false };
  const request = parse(body.toString('utf8'));
  if (!request) return { body, injected: false };
  const asked = request['ReturnConsumedCapacity'];
  if (asked === 'TOTAL' || asked === 'INDEXES') return { body, injected: false };
  return { body: Buffer.from(JSON.stringify({ ...request, ReturnConsumedCapacity: 'TOTAL' }), 'utf8'), injected: true };
}

/** The read and write request units a call consumed, and the answer as the caller would have had it from AWS. */
export function takeConsumedCapacity<
  Answer extends { readonly body: string; readonly headers: Record<string, string> },
>(operation: string, answer: Answer, injected: boolean): CapacityAnswer<Answer> {
  const parsed = parse(answer.body);
  const consumed = parsed?.['ConsumedCapacity'];
  const entries = (Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed]) as {
    CapacityUnits?: unknown;
  }[];
  const units = entries.reduce(
    (sum, entry) => sum + (typeof entry.CapacityUnits === 'number' ? entry.CapacityUnits : 0),
    0,
  );
  const counts = { readUnits: READS.has(operation) ? units : 0, writeUnits: WRITES.has(operation) ? units : 0 };
  if (!injected || !parsed || consumed === undefined) return { ...counts, answer };
  const body = JSON.stringify(parsed, (key, value: unknown) =>
    key === 'ConsumedCapacity' && value === consumed ? undefined : value,
  );
  const headers =
    'x-amz-crc32' in answer.headers ? { ...answer.headers, 'x-amz-crc32': String(crc32(body)) } : answer.headers;
  return { ...counts, answer: { ...answer, body, headers } };
}

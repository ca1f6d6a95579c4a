import type { InvokeOutcome, InvokeRequest, Invoker } from '@harbor/local-cloud-lambda';
import type { LambdaStreamRecord } from '../../src/streams/lambda-stream-record';

/** What the fake function does with one batch: answer a result, or fail as a handler that threw. */
export type Answer = { readonly result: unknown } | { readonly errorType: string; readonly errorMessage?: string };

/** A fake Invoker for one function: records every batch and answers with `respond` (default: success). */
export class RecordingInvoker implements Invoker {
  readonly calls: InvokeRequest[] = [];

  constructor(
    private readonly functionId: string,
    public respond: (records: readonly LambdaStreamRecord[], call: number) => Answer = () => ({ result: null }),
  ) {}

  has(functionId: string): boolean {
    return functionId === this.functionId;
  }

  /** The records of each invocation, as sequence numbers or any other field. */
  batches<T = string>(
    pick: (record: LambdaStreamRecord) => T = (record) => record.dynamodb.SequenceNumber as T,
  ): T[][] {
    return this.calls.map((call) => (call.event as { Records: LambdaStreamRecord[] }).Records.map(pick));
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    this.calls.push(request);
    const answer = this.respond((request.event as { Records: LambdaStreamRecord[] }).Records, this.calls.length);
    const common = { durationMs: 1, coldStart: false, requestId: `req-${this.calls.length}` };
    if ('result' in answer) return { ok: true, result: answer.result, ...common };
    return {
      ok: false,
      error: { errorType: answer.errorType, errorMessage: answer.errorMessage ?? 'scripted failure' },
      ...common,
    };
  }
}

/** Stream records with sequence numbers 1..n (and correlation ids, when given), as the poller hands them on. */
export function streamRecords(count: number, correlationIds: readonly string[] = []): LambdaStreamRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    eventID: `event-${i + 1}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_767_225_600 + i,
      Keys: { pk: { S: `item-${i + 1}` } },
      NewImage: {
        pk: { S: `item-${i + 1}` },
        ...(correlationIds[i] ? { correlationId: { S: correlationIds[i]! } } : {}),
      },
      SequenceNumber: String(1000 + i + 1),
      SizeBytes: 20,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/harbor-test-things/stream/2026-01-01T00:00:00.000',
  }));
}

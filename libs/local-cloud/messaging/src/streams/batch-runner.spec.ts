import { DeadLetterStore, FaultInjector, parseFaultConfig } from '../delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { RecordingInvoker, streamRecords, type Answer } from '../../test/streams/recording-invoker';
import { runBatch, type BatchRunnerContext } from './batch-runner';
import type { LambdaStreamRecord } from './lambda-stream-record';
import type { StreamMappingSpec } from './stream-mapping-spec';

const FUNCTION = 'things.onChange';
const spec: StreamMappingSpec = {
  name: 'things-changes',
  tableName: 'harbor-test-things',
  functionId: FUNCTION,
  startingPosition: 'LATEST',
  batchSize: 10,
  filterPatterns: [],
  maximumRetryAttempts: 2,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: true,
  deadLetterQueue: 'harbor-test-things-things-changes-dlq',
};

const failing = (...sequenceNumbers: string[]): Answer => ({
  result: { batchItemFailures: sequenceNumbers.map((itemIdentifier) => ({ itemIdentifier })) },
});
const thrown: Answer = { errorType: 'TypeError', errorMessage: 'boom' };

function harness(
  settings: Partial<StreamMappingSpec>,
  respond: (records: readonly LambdaStreamRecord[], call: number) => Answer,
  faults?: FaultInjector,
) {
  const invoker = new RecordingInvoker(FUNCTION, respond);
  const trace = new TraceRecorder();
  const deadLetters = new DeadLetterStore(async () => ({ ok: true }));
  const waits: number[] = [];
  const context: BatchRunnerContext = {
    spec: { ...spec, ...settings },
    invoker,
    trace,
    deadLetters,
    streamArn: 'arn:aws:dynamodb:eu-west-1:000000000000:table/harbor-test-things/stream/2026-01-01T00:00:00.000',
    retryDelayMs: (retry) => retry * 10,
    sleep: async (ms) => {
      waits.push(ms);
    },
    running: () => true,
    faults,
  };
  return {
    invoker,
    trace,
    deadLetters,
    waits,
    run: (records: LambdaStreamRecord[]) => runBatch(records, 'shardId-1', context),
  };
}

describe('runBatch (a Lambda event source mapping delivering one batch)', () => {
  it('invokes once, synchronously, with the records in stream order, when the function succeeds', async () => {
    const { invoker, run } = harness({}, () => ({ result: { batchItemFailures: [] } }));
    await run(streamRecords(3));
    expect(invoker.batches()).toEqual([['1001', '1002', '1003']]);
    expect(invoker.calls[0]).toMatchObject({ functionId: FUNCTION, invocationType: 'RequestResponse' });
  });

  it('retries from the first reported record, in order, until the function succeeds', async () => {
    const { invoker, waits, deadLetters, run } = harness({}, (_, call) =>
      call === 1 ? failing('1004', '1002') : { result: null },
    );
    await run(streamRecords(4));
    expect(invoker.batches()).toEqual([
      ['1001', '1002', '1003', '1004'],
      ['1002', '1003', '1004'],
    ]);
    expect(waits).toEqual([10]);
    expect(deadLetters.list()).toEqual([]);
  });

  it('after maximumRetryAttempts, sends the records still failing to the dead-letter queue and settles', async () => {
    const { invoker, deadLetters, trace, run } = harness({ maximumRetryAttempts: 2 }, () => failing('1002'));
    const records = streamRecords(3, ['corr-1', 'corr-2', 'corr-3']);
    await run(records);

    expect(invoker.calls).toHaveLength(3); // the first attempt and 2 retries
    const [queue] = deadLetters.list();
    expect(queue!.name).toBe('harbor-test-things-things-changes-dlq');
    expect(queue!.messages).toEqual([
      expect.objectContaining({
        service: 'dynamodb',
        target: 'things-changes',
        functionId: FUNCTION,
        attempts: 3,
        correlationId: 'corr-2',
        message: { Records: records.slice(1) },
        error: {
          stage: 'function',
          errorType: 'BatchItemFailures',
          errorMessage: 'the function reported 1002 as failed',
        },
      }),
    ]);
    const deadLetterHop = trace.byCorrelationId('corr-2').find((hop) => hop.kind === 'dead-letter');
    expect(deadLetterHop?.detail).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      DDBStreamBatchInfo: {
        shardId: 'shardId-1',
        startSequenceNumber: '1002',
        endSequenceNumber: '1003',
        batchSize: 2,
      },
    });
  });

  it('gives up at once with maximumRetryAttempts 0, and without a queue discards the records, saying so', async () => {
    const { invoker, deadLetters, trace, run } = harness(
      { maximumRetryAttempts: 0, deadLetterQueue: undefined },
      () => thrown,
    );
    await run(streamRecords(2, ['corr-a', 'corr-a']));
    expect(invoker.calls).toHaveLength(1);
    expect(deadLetters.list()).toEqual([]);
    expect(trace.byCorrelationId('corr-a').at(-1)).toMatchObject({
      kind: 'dead-letter',
      detail: { dropped: true, errorType: 'TypeError' },
    });
  });

  it('bisects a failing batch down to the bad record without spending retries, and keeps the order', async () => {
    const poison = '1003';
    const { invoker, deadLetters, run } = harness(
      { bisectBatchOnFunctionError: true, maximumRetryAttempts: 1 },
      (records) => (records.some((record) => record.dynamodb.SequenceNumber === poison) ? thrown : { result: null }),
    );
    await run(streamRecords(4));
    expect(invoker.batches()).toEqual([
      ['1001', '1002', '1003', '1004'],
      ['1001', '1002'],
      ['1003', '1004'],
      ['1003'],
      ['1003'], // its one retry
      ['1004'],
    ]);
    expect(
      deadLetters
        .list()[0]!
        .messages.map((letter) => (letter.message as { Records: LambdaStreamRecord[] }).Records.length),
    ).toEqual([1]);
  });

  it('retries the whole batch when the answer is not a readable partial batch response', async () => {
    const { invoker, run } = harness({}, (_, call) => (call === 1 ? failing('') : { result: null }));
    await run(streamRecords(2));
    expect(invoker.batches()).toEqual([
      ['1001', '1002'],
      ['1001', '1002'],
    ]);
  });

  it('does not read batchItemFailures when the mapping does not report them', async () => {
    const { invoker, run } = harness({ reportBatchItemFailures: false }, () => failing('1001'));
    await run(streamRecords(2));
    expect(invoker.calls).toHaveLength(1);
  });

  it("records a stream hop under each request's correlation id, and invokes under the first record's", async () => {
    const { invoker, trace, run } = harness({}, () => ({ result: null }));
    await run(streamRecords(3, ['corr-x', 'corr-y', 'corr-x']));
    expect(invoker.calls[0]!.correlationId).toBe('corr-x');
    expect(trace.byCorrelationId('corr-x')).toEqual([
      expect.objectContaining({
        kind: 'stream',
        name: `harbor-test-things → ${FUNCTION}`,
        status: 'ok',
        detail: expect.objectContaining({
          mapping: 'things-changes',
          sequenceNumbers: ['1001', '1003'],
          outcome: 'success',
        }),
      }),
    ]);
    expect(trace.byCorrelationId('corr-y')).toHaveLength(1);
  });

  describe('with injected faults', () => {
    it('abandons the invocation after N records, as a dying process would, and the mapping retries the whole batch', async () => {
      const faults = new FaultInjector(
        parseFaultConfig({ streams: [{ match: 'things-changes', dropAfterRecords: 2, firstAttempts: 1 }] }),
      );
      const { invoker, trace, run } = harness({}, () => ({ result: null }), faults);
      await run(streamRecords(3, ['corr-d', 'corr-d', 'corr-d']));
      expect(invoker.batches()).toEqual([
        ['1001', '1002'],
        ['1001', '1002', '1003'],
      ]);
      const outcomes = trace
        .byCorrelationId('corr-d')
        .filter((hop) => hop.kind === 'stream')
        .map((hop) => [hop.detail?.['outcome'], hop.detail?.['errorType']]);
      expect(outcomes).toContainEqual(['function-error', 'Runtime.ExitError']);
      expect(faults.snapshot().injected.streams).toEqual({ [FUNCTION]: 1 });
    });

    it('delivers a settled batch again in the duplicate mode, counting the copies', async () => {
      const faults = new FaultInjector(parseFaultConfig({ delivery: { duplicates: { min: 2, max: 2 } } }));
      const { invoker, run } = harness({}, () => ({ result: null }), faults);
      await run(streamRecords(2));
      expect(invoker.batches()).toEqual([
        ['1001', '1002'],
        ['1001', '1002'],
      ]);
      expect(faults.snapshot().injected.duplicates).toEqual({ [`dynamodb:things-changes:${FUNCTION}`]: 1 });
    });
  });
});

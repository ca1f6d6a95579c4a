import type { DeadLetterStore, FaultInjector } from '../delivery';
import { thrownInvokeError } from '../delivery/thrown-error';
import type { InvokeOutcome, Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { interpretOutcome, type BatchOutcome } from './batch-outcome';
import { correlationIdOf, type LambdaStreamRecord } from './lambda-stream-record';
import type { StreamMappingSpec } from './stream-mapping-spec';

export interface BatchRunnerContext {
  readonly spec: StreamMappingSpec;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
  readonly deadLetters: DeadLetterStore;
  readonly streamArn: string;
  /** Wait before retry number `retry` (from 1). */
  readonly retryDelayMs: (retry: number) => number;
  /** Resolves after `ms`, or early when the poller stops. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly running: () => boolean;
  /** Stream faults (the invocation dies after N records) and duplicate batches; none when undefined. */
  readonly faults?: FaultInjector | undefined;
}

/** Records still to be delivered, with what they went through so far. */
interface Pending {
  readonly records: readonly LambdaStreamRecord[];
  /** Retries spent; bisected halves keep their parent's count, as splitting does not consume the quota. */
  readonly retries: number;
  readonly invocations: number;
  readonly firstAttemptAt: Date | undefined;
}

/**
 * Delivers one batch of one shard the way a Lambda event source mapping does: synchronous invocations, in order;
 * a partial batch response retries from the first failed record; a function error retries the batch (bisected
 * first when the mapping says so); after `maximumRetryAttempts` the records go to the on-failure queue (or are
 * discarded without one) and the shard moves on. Resolves when the batch is settled or the poller stops.
 */
export async function runBatch(
  records: readonly LambdaStreamRecord[],
  shardId: string,
  context: BatchRunnerContext,
): Promise<void> {
  const queue: Pending[] = [{ records, retries: 0, invocations: 0, firstAttemptAt: undefined }];
  for (let pending = queue.shift(); pending && context.running(); pending = queue.shift()) {
    const startedAt = new Date();
    const outcome = interpretOutcome(
      await invoke(pending.records, context),
      pending.records,
      context.spec.reportBatchItemFailures,
    );
    const tried: Pending = {
      ...pending,
      invocations: pending.invocations + 1,
      firstAttemptAt: pending.firstAttemptAt ?? startedAt,
    };
    recordHops(tried, outcome, shardId, startedAt, context);
    if (outcome.kind === 'success') {
      await deliverDuplicates(tried, shardId, context);
      continue;
    }

    if (outcome.kind === 'function-error' && context.spec.bisectBatchOnFunctionError && tried.records.length > 1) {
      const half = Math.ceil(tried.records.length / 2);
      queue.unshift(
        { ...tried, records: tried.records.slice(0, half) },
        { ...tried, records: tried.records.slice(half) },
      );
      continue;
    }
    const retry: Pending = {
      ...tried,
      records: outcome.kind === 'partial' ? tried.records.slice(outcome.fromIndex) : tried.records,
      retries: tried.retries + 1,
    };
    const limit = context.spec.maximumRetryAttempts;
    if (limit !== -1 && retry.retries > limit) {
      discard(retry, outcome, shardId, startedAt, context);
      continue;
    }
    await context.sleep(context.retryDelayMs(retry.retries));
    queue.unshift(retry);
  }
}

async function invoke(records: readonly LambdaStreamRecord[], context: BatchRunnerContext): Promise<InvokeOutcome> {
  const { spec } = context;
  const dropAfter = context.faults?.streamFault({
    functionId: spec.functionId,
    mapping: spec.name,
    table: spec.tableName,
  });
  if (dropAfter !== undefined) return abandonedInvocation(records, dropAfter, context);
  return invokeWith(records, context);
}

/**
 * Injected "process dies mid-batch": the handler gets the first `dropAfter` records (their effects happen), then the
 * runtime exits, which Lambda reports as a function error, so the mapping retries the whole batch.
 */
async function abandonedInvocation(
  records: readonly LambdaStreamRecord[],
  dropAfter: number,
  context: BatchRunnerContext,
): Promise<InvokeOutcome> {
  const handled = records.slice(0, dropAfter);
  const outcome = handled.length > 0 ? await invokeWith(handled, context) : undefined;
  const requestId = outcome?.requestId ?? '';
  return {
    ok: false,
    error: {
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed (injected fault after ${handled.length} of ${records.length} records)`,
    },
    durationMs: outcome?.durationMs ?? 0,
    coldStart: false,
    requestId,
  };
}

/** The duplicate mode: a settled batch is delivered again 0 to N-1 more times, as at-least-once delivery allows. */
async function deliverDuplicates(pending: Pending, shardId: string, context: BatchRunnerContext): Promise<void> {
  const copies = context.faults?.copies(`dynamodb:${context.spec.name}:${context.spec.functionId}`) ?? 1;
  for (let copy = 2; copy <= copies && context.running(); copy++) {
    const startedAt = new Date();
    const outcome = interpretOutcome(
      await invokeWith(pending.records, context),
      pending.records,
      context.spec.reportBatchItemFailures,
    );
    recordHops({ ...pending, invocations: pending.invocations + copy - 1 }, outcome, shardId, startedAt, context);
  }
}

async function invokeWith(records: readonly LambdaStreamRecord[], context: BatchRunnerContext): Promise<InvokeOutcome> {
  try {
    return await context.invoker.invoke({
      functionId: context.spec.functionId,
      event: { Records: records },
      ...(records[0] ? { correlationId: correlationIdOf(records[0]) } : {}),
      invocationType: 'RequestResponse',
    });
  } catch (error) {
    return { ok: false, error: thrownInvokeError(error), durationMs: 0, coldStart: false, requestId: '' };
  }
}

/** One `stream` hop per request whose records were in the invocation, so each request's trace shows it. */
function recordHops(
  pending: Pending,
  outcome: BatchOutcome,
  shardId: string,
  startedAt: Date,
  context: BatchRunnerContext,
): void {
  const byCorrelation = new Map<string, string[]>();
  for (const record of pending.records) {
    const id = correlationIdOf(record);
    byCorrelation.set(id, [...(byCorrelation.get(id) ?? []), record.dynamodb.SequenceNumber]);
  }
  const { spec } = context;
  for (const [correlationId, sequenceNumbers] of byCorrelation) {
    context.trace.record({
      correlationId,
      kind: 'stream',
      name: `${spec.tableName} → ${spec.functionId}`,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      status: outcome.kind === 'success' ? 'ok' : 'error',
      detail: {
        mapping: spec.name,
        functionId: spec.functionId,
        shardId,
        batchSize: pending.records.length,
        sequenceNumbers,
        invocation: pending.invocations,
        retry: pending.retries,
        outcome: outcome.kind,
        ...(outcome.kind === 'partial' ? { batchItemFailures: outcome.failed } : {}),
        ...(outcome.kind === 'function-error'
          ? { errorType: outcome.errorType, errorMessage: outcome.errorMessage }
          : {}),
        ...(outcome.kind === 'invalid-response' ? { errorMessage: outcome.reason } : {}),
      },
    });
  }
}

/** Retries exhausted: the records leave the shard, into the on-failure queue when the mapping has one. */
function discard(
  pending: Pending,
  outcome: Exclude<BatchOutcome, { kind: 'success' }>,
  shardId: string,
  lastAttemptAt: Date,
  context: BatchRunnerContext,
): void {
  const { spec } = context;
  const [first] = pending.records;
  const last = pending.records.at(-1);
  if (!first || !last) return;
  const errorType =
    outcome.kind === 'function-error'
      ? outcome.errorType
      : outcome.kind === 'partial'
        ? 'BatchItemFailures'
        : 'InvalidBatchItemFailures';
  const errorMessage =
    outcome.kind === 'function-error'
      ? outcome.errorMessage
      : outcome.kind === 'partial'
        ? `the function reported ${outcome.failed.join(', ')} as failed`
        : outcome.reason;
  // What AWS sends the on-failure destination: where the records were, not the records themselves.
  const batchInfo = {
    shardId,
    startSequenceNumber: first.dynamodb.SequenceNumber,
    endSequenceNumber: last.dynamodb.SequenceNumber,
    approximateArrivalOfFirstRecord: new Date(first.dynamodb.ApproximateCreationDateTime * 1000).toISOString(),
    approximateArrivalOfLastRecord: new Date(last.dynamodb.ApproximateCreationDateTime * 1000).toISOString(),
    batchSize: pending.records.length,
    streamArn: context.streamArn,
  };
  const correlationId = correlationIdOf(first);
  const common = {
    mapping: spec.name,
    functionId: spec.functionId,
    attempts: pending.invocations,
    errorType,
    errorMessage,
    condition: 'RetryAttemptsExhausted',
    DDBStreamBatchInfo: batchInfo,
  };
  if (spec.deadLetterQueue === undefined) {
    context.trace.record({
      correlationId,
      kind: 'dead-letter',
      name: spec.name,
      durationMs: 0,
      status: 'error',
      detail: {
        ...common,
        dropped: true,
        reason: `${spec.name} has no on-failure destination: the records are discarded`,
      },
    });
    return;
  }
  const letter = context.deadLetters.add({
    request: {
      target: {
        service: 'dynamodb',
        name: spec.name,
        functionId: spec.functionId,
        deadLetterQueue: spec.deadLetterQueue,
        serviceRetry: { kind: 'none' },
      },
      origin: context.streamArn,
      messageId: `${shardId}/${batchInfo.startSequenceNumber}-${batchInfo.endSequenceNumber}`,
      correlationId,
      // The records themselves (AWS sends only batchInfo), so they can be read here and redriven to the function.
      event: { Records: pending.records },
    },
    failure: { kind: 'function', errorType, errorMessage },
    attempts: pending.invocations,
    firstAttemptAt: pending.firstAttemptAt ?? lastAttemptAt,
    lastAttemptAt,
  });
  context.trace.record({
    correlationId,
    kind: 'dead-letter',
    name: letter.queueName,
    durationMs: 0,
    status: 'error',
    detail: { ...common, dropped: false, deadLetterId: letter.id },
  });
}

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DeadLetterStore, FaultInjector } from '../delivery';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { CheckpointStore } from './checkpoint-store';
import { InvalidStreamMapping } from './errors';
import { compileRecordFilter } from './record-filter';
import type { StreamMappingSpec } from './stream-mapping-spec';
import { StreamPoller } from './stream-poller';

export interface StreamMappingsOptions {
  readonly mappings: readonly StreamMappingSpec[];
  /** DynamoDB Local's endpoint (it serves DynamoDB Streams on the same port). */
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
  /** Where batches that exhausted their retries go (GET /_local/dlq). */
  readonly deadLetters: DeadLetterStore;
  /** Wait between polls of a shard with nothing new. Default 100 ms (Lambda polls 4 times a second). */
  readonly pollIntervalMs?: number;
  /** Wait before retry number `retry`. Default: 100 ms doubling up to 1 s (AWS does not publish its schedule). */
  readonly retryDelayMs?: (retry: number) => number;
  readonly shardRefreshMs?: number;
  readonly log?: (line: string) => void;
  /** Folder where each mapping keeps its position across restarts; none: every start begins at the starting position. */
  readonly checkpointDir?: string;
  /** Stream faults and duplicate batches (the local cloud's /_local/faults). */
  readonly faults?: FaultInjector;
}

export interface RunningStreamMappings {
  /** Stops polling; a batch being delivered finishes its current invocation first. */
  stop(): Promise<void>;
}

export const DEFAULT_POLL_INTERVAL_MS = 100;
const defaultRetryDelayMs = (retry: number): number => Math.min(100 * 2 ** (retry - 1), 1000);

/** Checks a mapping as CreateEventSourceMapping would, before anything runs. */
export function validateStreamMapping(spec: StreamMappingSpec, invoker?: Invoker): void {
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1 || spec.batchSize > 10_000) {
    throw new InvalidStreamMapping(spec.name, `batchSize must be an integer from 1 to 10000, got ${spec.batchSize}`);
  }
  if (
    !Number.isInteger(spec.maximumRetryAttempts) ||
    spec.maximumRetryAttempts < -1 ||
    spec.maximumRetryAttempts > 10_000
  ) {
    throw new InvalidStreamMapping(
      spec.name,
      `maximumRetryAttempts must be -1 or an integer from 0 to 10000, got ${spec.maximumRetryAttempts}`,
    );
  }
  if (invoker && !invoker.has(spec.functionId))
    throw new InvalidStreamMapping(spec.name, `function ${spec.functionId} does not exist`);
  compileRecordFilter(spec.name, spec.filterPatterns);
}

/**
 * Runs every DynamoDB stream → function mapping against DynamoDB Local, as Lambda's event source mappings do in
 * AWS. Resolves once each mapping has its starting iterators, so every write from then on reaches its function.
 */
export async function startStreamMappings(options: StreamMappingsOptions): Promise<RunningStreamMappings> {
  options.mappings.forEach((spec) => validateStreamMapping(spec, options.invoker));
  const clientOptions = {
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const tables = new DynamoDBClient(clientOptions);
  const streams = new DynamoDBStreamsClient(clientOptions);
  const pollers = options.mappings.map((spec) => {
    if (spec.deadLetterQueue) options.deadLetters.declareQueue(spec.deadLetterQueue);
    return new StreamPoller({
      spec,
      filter: compileRecordFilter(spec.name, spec.filterPatterns),
      tables,
      streams,
      invoker: options.invoker,
      trace: options.trace,
      deadLetters: options.deadLetters,
      region: options.region,
      accountId: options.accountId,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      retryDelayMs: options.retryDelayMs ?? defaultRetryDelayMs,
      shardRefreshMs: options.shardRefreshMs ?? 10_000,
      log: options.log ?? ((line) => process.stderr.write(`[streams] ${line}\n`)),
      checkpoints: CheckpointStore.forMapping(options.checkpointDir, spec),
      faults: options.faults,
    });
  });
  const stop = async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    tables.destroy();
    streams.destroy();
  };
  try {
    await Promise.all(pollers.map((poller) => poller.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

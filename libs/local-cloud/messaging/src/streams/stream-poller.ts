import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  type Shard,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DeadLetterStore, FaultInjector } from '../delivery';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { runBatch, type BatchRunnerContext } from './batch-runner';
import type { CheckpointStore, ShardCheckpoint } from './checkpoint-store';
import { StreamNotFound } from './errors';
import { awsStreamArn, toLambdaStreamRecord } from './lambda-stream-record';
import { toBatches } from './record-batches';
import type { RecordFilter } from './record-filter';
import { ShardReader } from './shard-reader';
import { Sleeper } from './sleeper';
import type { StreamMappingSpec } from './stream-mapping-spec';

export interface StreamPollerOptions {
  readonly spec: StreamMappingSpec;
  readonly filter: RecordFilter;
  readonly tables: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
  readonly deadLetters: DeadLetterStore;
  readonly region: string;
  readonly accountId: string;
  /** Wait between GetRecords calls on a shard that had nothing new. */
  readonly pollIntervalMs: number;
  readonly retryDelayMs: (retry: number) => number;
  /** How often the shard list is read again (a closed shard triggers a read at once). */
  readonly shardRefreshMs: number;
  readonly log: (line: string) => void;
  /** Where the mapping's position is kept across restarts. */
  readonly checkpoints: CheckpointStore;
  /** Stream faults (the invocation dies mid-batch) and duplicate batches. */
  readonly faults?: FaultInjector;
}

/**
 * One event source mapping: finds the table's stream, reads every shard in lineage order (a child only once
 * its parent is read to the end), and hands the records that pass the filter to the function in batches, one
 * batch at a time per shard, as Lambda does with a parallelization factor of 1.
 */
export class StreamPoller {
  private running = false;
  private localStreamArn = '';
  private streamArn = '';
  private readonly shards = new Map<string, 'reading' | 'done'>();
  private readonly loops = new Set<Promise<void>>();
  private readonly sleeper = new Sleeper();

  constructor(private readonly options: StreamPollerOptions) {}

  /** Resolves once every shard to read has its iterator: records written after this are seen. */
  async start(): Promise<void> {
    const { spec } = this.options;
    const { Table } = await this.options.tables.send(new DescribeTableCommand({ TableName: spec.tableName }));
    if (!Table?.LatestStreamArn || !Table.StreamSpecification?.StreamEnabled) {
      throw new StreamNotFound(`Stream mapping ${spec.name}: table ${spec.tableName} has no stream enabled`);
    }
    this.localStreamArn = Table.LatestStreamArn;
    this.streamArn = awsStreamArn(Table.LatestStreamArn, this.options.region, this.options.accountId);
    this.running = true;
    const saved = this.options.checkpoints.load(this.localStreamArn);
    await this.startReadyShards(await this.describeShards(), spec.startingPosition, saved);
    this.track(this.refreshShardsPeriodically());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.wakeAll();
    await Promise.allSettled([...this.loops]);
  }

  private async describeShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.options.streams.send(
        new DescribeStreamCommand({ StreamArn: this.localStreamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  /**
   * Starts every shard not yet known whose parent is read (or gone from the stream). At start-up with LATEST,
   * closed shards hold nothing new and count as read; later shards (children of a split) start at their first record.
   * With saved checkpoints (a restart) each shard resumes after its checkpoint, and shards without one (new since)
   * start at their first record: nothing written before the restart is skipped.
   */
  private async startReadyShards(
    shards: readonly Shard[],
    position: 'TRIM_HORIZON' | 'LATEST',
    saved?: Readonly<Record<string, ShardCheckpoint>>,
  ): Promise<void> {
    const listed = new Set(shards.map((shard) => shard.ShardId));
    const starting: Promise<void>[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      for (const shard of shards) {
        const id = shard.ShardId;
        if (!id || this.shards.has(id)) continue;
        const parent = shard.ParentShardId;
        if (parent && listed.has(parent) && this.shards.get(parent) !== 'done') continue;
        changed = true;
        const checkpoint = saved?.[id];
        if (
          checkpoint?.done ||
          (saved === undefined && position === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber)
        ) {
          this.shards.set(id, 'done');
          continue;
        }
        this.shards.set(id, 'reading');
        const start = saved === undefined ? position : 'TRIM_HORIZON';
        const reader = new ShardReader({
          client: this.options.streams,
          streamArn: this.localStreamArn,
          shardId: id,
          start,
          after: checkpoint?.sequenceNumber,
        });
        starting.push(reader.prime().then(() => this.track(this.readShard(reader, id))));
      }
    }
    await Promise.all(starting);
  }

  private async readShard(reader: ShardReader, shardId: string): Promise<void> {
    while (this.running) {
      try {
        const { records, closed } = await reader.read();
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (last !== undefined) {
          if (!(await this.deliver(records, shardId))) return;
          this.options.checkpoints.save(shardId, { sequenceNumber: last });
        }
        if (closed) {
          this.shards.set(shardId, 'done');
          this.options.checkpoints.save(shardId, { done: true });
          if (this.running) await this.startReadyShards(await this.describeShards(), 'TRIM_HORIZON');
          return;
        }
        if (records.length === 0) await this.sleeper.sleep(this.options.pollIntervalMs);
      } catch (error) {
        if (!this.running) return;
        this.options.log(
          `stream mapping ${this.options.spec.name}, shard ${shardId}: ${error instanceof Error ? error.message : String(error)}; retrying`,
        );
        await this.sleeper.sleep(Math.max(1000, this.options.pollIntervalMs));
      }
    }
  }

  /** Settles every batch of these records; false when the poller stopped first (nothing to checkpoint). */
  private async deliver(records: readonly _Record[], shardId: string): Promise<boolean> {
    const origin = { region: this.options.region, streamArn: this.streamArn };
    const passing = records
      .map((record) => toLambdaStreamRecord(record, origin))
      .filter((record) => this.options.filter(record));
    const context: BatchRunnerContext = {
      spec: this.options.spec,
      invoker: this.options.invoker,
      trace: this.options.trace,
      deadLetters: this.options.deadLetters,
      streamArn: this.streamArn,
      retryDelayMs: this.options.retryDelayMs,
      sleep: (ms) => this.sleeper.sleep(ms),
      running: () => this.running,
      faults: this.options.faults,
    };
    for (const batch of toBatches(passing, this.options.spec.batchSize)) {
      if (!this.running) return false;
      await runBatch(batch, shardId, context);
    }
    return this.running;
  }

  private async refreshShardsPeriodically(): Promise<void> {
    while (this.running) {
      await this.sleeper.sleep(this.options.shardRefreshMs);
      if (!this.running) return;
      try {
        await this.startReadyShards(await this.describeShards(), 'TRIM_HORIZON');
      } catch (error) {
        if (this.running)
          this.options.log(
            `stream mapping ${this.options.spec.name}: listing shards failed: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
    }
  }

  private track(loop: Promise<void>): void {
    const tracked = loop
      .catch((error: unknown) =>
        this.options.log(
          `stream mapping ${this.options.spec.name} stopped reading: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => this.loops.delete(tracked));
    this.loops.add(tracked);
  }
}

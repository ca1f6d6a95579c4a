import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';

export interface ShardReaderOptions {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly shardId: string;
  readonly start: 'TRIM_HORIZON' | 'LATEST';
  /** A checkpoint: resume after this sequence number instead of at `start`. */
  readonly after?: string;
}

/**
 * Reads one shard in order through GetShardIterator / GetRecords, keeping its place across the iterator
 * expiring (15 minutes idle in AWS) or records being trimmed away. `read()` answers the next records and
 * whether the shard is closed (no NextShardIterator: it split, its children carry on).
 */
export class ShardReader {
  private iterator: string | undefined;
  private lastSequenceNumber: string | undefined;

  constructor(private readonly options: ShardReaderOptions) {
    this.lastSequenceNumber = options.after;
  }

  /** Takes the starting iterator now, so that records written from here on are read even with LATEST. */
  async prime(): Promise<void> {
    if (this.lastSequenceNumber === undefined) {
      this.iterator ??= await this.newIterator(this.options.start);
      return;
    }
    try {
      this.iterator ??= await this.newIterator('AFTER_SEQUENCE_NUMBER');
    } catch (error) {
      // The checkpoint's record is gone (trimmed, or not a position of this shard): the oldest record left is next.
      const name = error instanceof Error ? error.name : '';
      if (name !== 'TrimmedDataAccessException' && name !== 'ValidationException') throw error;
      this.lastSequenceNumber = undefined;
      this.iterator = await this.newIterator('TRIM_HORIZON');
    }
  }

  async read(limit = 1000): Promise<{ records: _Record[]; closed: boolean }> {
    this.iterator ??= await this.newIterator(
      this.lastSequenceNumber === undefined ? this.options.start : 'AFTER_SEQUENCE_NUMBER',
    );
    try {
      const output = await this.options.client.send(
        new GetRecordsCommand({ ShardIterator: this.iterator, Limit: limit }),
      );
      const records = output.Records ?? [];
      this.lastSequenceNumber = records[records.length - 1]?.dynamodb?.SequenceNumber ?? this.lastSequenceNumber;
      this.iterator = output.NextShardIterator;
      return { records, closed: output.NextShardIterator === undefined || output.NextShardIterator === null };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ExpiredIteratorException') this.iterator = undefined;
      else if (name === 'TrimmedDataAccessException') {
        // What we wanted is gone: carry on from the oldest record still there.
        this.lastSequenceNumber = undefined;
        this.iterator = await this.newIterator('TRIM_HORIZON');
      } else throw error;
      return { records: [], closed: false };
    }
  }

  private async newIterator(type: ShardIteratorType): Promise<string> {
    const { ShardIterator } = await this.options.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: this.options.shardId,
        ShardIteratorType: type,
        ...(type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: this.lastSequenceNumber } : {}),
      }),
    );
    if (!ShardIterator) throw new Error(`GetShardIterator answered no iterator for shard ${this.options.shardId}`);
    return ShardIterator;
  }
}

import { GetRecordsCommand, GetShardIteratorCommand, type DynamoDBStreamsClient, type ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';

export interface ShardReaderOptions {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly shardId: string;
  readonly start: 'TRIM_HORIZON' | 'LATEST';
}

/**
 * Reads one shard in order through GetShardIterator / GetRecords, keeping its place across the iterator
 * expiring (15 minutes idle in AWS) or records being trimmed away. `read()` answers the next records and
 * whether the shard is closed (no NextShardIterator: it split, its children carry on).
 */
export class ShardReader {
  private iterator: string | undefined;
  private lastSequenceNumber: string | undefined;

  constructor(private readonly options: ShardReaderOptions) {}

  /** Takes the starting iterator now, so that records written from here on are read even with LATEST. */
  async prime(): Promise<void> {
    this.iterator ??= await this.newIterator(this.options.start);
  }

  async read(limit = 1000): Promise<{ records: _Record[]; closed: boolean }> {
    this.iterator ??= await this.newIterator(this.lastSequenceNumber === undefined ? this.options.start : 'AFTER_SEQUENCE_NUMBER');
    try {
      const output = await this.options.client.send(new GetRecordsCommand({ ShardIterator: this.iterator, Limit: limit }));
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

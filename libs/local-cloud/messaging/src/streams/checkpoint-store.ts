import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where one shard's reading stands: after this sequence number, or read to its end. */
export interface ShardCheckpoint {
  readonly sequenceNumber?: string;
  readonly done?: boolean;
}

interface CheckpointFile {
  readonly streamArn: string;
  readonly shards: Record<string, ShardCheckpoint>;
}

/**
 * One mapping's position in its stream, kept on disk beside DynamoDB Local's files, as AWS keeps an event source
 * mapping's position: after a restart (even a kill) the mapping resumes where its last settled batch ended instead
 * of at its starting position. Written after each settled batch, atomically (write then rename).
 */
export class CheckpointStore {
  private file: CheckpointFile | undefined;

  constructor(private readonly path: string | undefined) {}

  static forMapping(
    dir: string | undefined,
    mapping: { readonly functionId: string; readonly name: string },
  ): CheckpointStore {
    if (dir === undefined) return new CheckpointStore(undefined);
    mkdirSync(dir, { recursive: true });
    return new CheckpointStore(join(dir, `${mapping.functionId}.${mapping.name}.json`.replace(/[^\w.-]/g, '_')));
  }

  /**
   * The saved positions for this stream, or undefined when there are none (first start, no data dir, or the table
   * was recreated, which gives its stream a new ARN: old positions mean nothing there).
   */
  load(streamArn: string): Readonly<Record<string, ShardCheckpoint>> | undefined {
    this.file = { streamArn, shards: {} };
    if (this.path === undefined) return undefined;
    let saved: CheckpointFile;
    try {
      saved = JSON.parse(readFileSync(this.path, 'utf8')) as CheckpointFile;
    } catch {
      return undefined;
    }
    if (saved.streamArn !== streamArn || typeof saved.shards !== 'object' || saved.shards === null) return undefined;
    this.file = saved;
    return saved.shards;
  }

  save(shardId: string, checkpoint: ShardCheckpoint): void {
    if (this.file === undefined) return;
    this.file = { ...this.file, shards: { ...this.file.shards, [shardId]: checkpoint } };
    if (this.path === undefined) return;
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.file));
    renameSync(temporary, this.path);
  }
}

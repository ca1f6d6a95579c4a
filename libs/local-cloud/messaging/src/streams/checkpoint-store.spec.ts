import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointStore } from './checkpoint-store';

const mapping = { functionId: 'orders.publishOutbox', name: 'outbox-relay' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'harbor-checkpoint-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('CheckpointStore', () => {
  it('keeps each shard position on disk for the next start on the same stream', () => {
    const store = CheckpointStore.forMapping(dir, mapping);
    expect(store.load('stream-1')).toBeUndefined();
    store.save('shard-1', { sequenceNumber: '000100' });
    store.save('shard-0', { done: true });
    store.save('shard-1', { sequenceNumber: '000200' });

    const next = CheckpointStore.forMapping(dir, mapping);
    expect(next.load('stream-1')).toEqual({ 'shard-0': { done: true }, 'shard-1': { sequenceNumber: '000200' } });
    expect(JSON.parse(readFileSync(join(dir, 'orders.publishOutbox.outbox-relay.json'), 'utf8'))).toMatchObject({
      streamArn: 'stream-1',
    });
  });

  it('ignores positions saved for another stream (the table was recreated) and unreadable files', () => {
    const store = CheckpointStore.forMapping(dir, mapping);
    store.load('stream-1');
    store.save('shard-1', { sequenceNumber: '000100' });
    expect(CheckpointStore.forMapping(dir, mapping).load('stream-2')).toBeUndefined();
    writeFileSync(join(dir, 'orders.publishOutbox.outbox-relay.json'), '{torn');
    expect(CheckpointStore.forMapping(dir, mapping).load('stream-1')).toBeUndefined();
  });

  it('keeps nothing on disk without a folder (in-memory runs)', () => {
    const store = CheckpointStore.forMapping(undefined, mapping);
    expect(store.load('stream-1')).toBeUndefined();
    store.save('shard-1', { sequenceNumber: '1' });
    expect(store.load('stream-1')).toBeUndefined();
  });
});

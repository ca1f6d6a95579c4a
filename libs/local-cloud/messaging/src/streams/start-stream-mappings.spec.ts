import { DeadLetterStore } from '../delivery';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingInvoker, type Answer } from '../../test/streams/recording-invoker';
import { StreamTable, waitFor } from '../../test/streams/stream-table';
import { InvalidStreamMapping, StreamNotFound } from './errors';
import type { LambdaStreamRecord } from './lambda-stream-record';
import { startStreamMappings, type RunningStreamMappings, type StreamMappingsOptions } from './start-stream-mappings';
import type { StreamMappingSpec } from './stream-mapping-spec';

const FUNCTION = 'things.onChange';
const running: RunningStreamMappings[] = [];
const tables: StreamTable[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((mappings) => mappings.stop()));
  tables.splice(0).forEach((table) => table.destroy());
});

async function newTable(withStream = true): Promise<StreamTable> {
  const table = await new StreamTable().create(withStream);
  tables.push(table);
  return table;
}

async function start(
  table: StreamTable,
  settings: Partial<StreamMappingSpec>,
  respond?: (records: readonly LambdaStreamRecord[], call: number) => Answer,
  extra: Pick<StreamMappingsOptions, 'checkpointDir'> = {},
) {
  const invoker = new RecordingInvoker(FUNCTION, respond);
  const deadLetters = new DeadLetterStore(async () => ({ ok: true }));
  const trace = new TraceRecorder();
  const spec: StreamMappingSpec = {
    name: 'things-changes',
    tableName: table.name,
    functionId: FUNCTION,
    startingPosition: 'LATEST',
    batchSize: 100,
    filterPatterns: [],
    maximumRetryAttempts: -1,
    bisectBatchOnFunctionError: false,
    reportBatchItemFailures: true,
    deadLetterQueue: undefined,
    ...settings,
  };
  const mappings = await startStreamMappings({
    mappings: [spec],
    endpoint: table.endpoint,
    region: 'eu-west-1',
    accountId: '123456789012',
    invoker,
    trace,
    deadLetters,
    pollIntervalMs: 20,
    retryDelayMs: () => 1,
    log: () => undefined,
    ...extra,
  });
  running.push(mappings);
  return { invoker, deadLetters, trace, mappings };
}

const pkOf = (record: LambdaStreamRecord) => (record.dynamodb.Keys['pk'] as { S: string }).S;

describe('startStreamMappings against DynamoDB Local', () => {
  it("invokes the function with Lambda's DynamoDB stream event for each write after start (LATEST)", async () => {
    const table = await newTable();
    await table.put('before-start');
    const { invoker } = await start(table, { startingPosition: 'LATEST' });

    await table.put('thing-1', {
      count: { N: '42' },
      blob: { B: Buffer.from('hi') },
      tags: { SS: ['a'] },
      nested: { M: { ok: { BOOL: true } } },
    });
    await waitFor(() => invoker.calls.length === 1);

    const { Records } = invoker.calls[0]!.event as { Records: LambdaStreamRecord[] };
    expect(Records).toEqual([
      {
        eventID: expect.any(String),
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-west-1',
        dynamodb: {
          ApproximateCreationDateTime: expect.any(Number),
          Keys: { pk: { S: 'thing-1' } },
          NewImage: {
            pk: { S: 'thing-1' },
            count: { N: '42' },
            blob: { B: 'aGk=' },
            tags: { SS: ['a'] },
            nested: { M: { ok: { BOOL: true } } },
          },
          SequenceNumber: expect.stringMatching(/^\d+$/),
          SizeBytes: expect.any(Number),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: expect.stringMatching(
          new RegExp(`^arn:aws:dynamodb:eu-west-1:123456789012:table/${table.name}/stream/.+`),
        ),
      },
    ]);
    expect(Math.abs(Records[0]!.dynamodb.ApproximateCreationDateTime - Date.now() / 1000)).toBeLessThan(60);
    expect(invoker.calls[0]!.invocationType).toBe('RequestResponse');
  });

  it('reads from the oldest record with TRIM_HORIZON, applies the filter, then cuts batches of batchSize, in order', async () => {
    const table = await newTable();
    for (const [pk, kind] of [
      ['k1', 'keep'],
      ['d1', 'drop'],
      ['k2', 'keep'],
      ['k3', 'keep'],
      ['d2', 'drop'],
    ])
      await table.put(pk!, { kind: { S: kind! } });

    const { invoker } = await start(table, {
      startingPosition: 'TRIM_HORIZON',
      batchSize: 2,
      filterPatterns: [{ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['keep'] } } } }],
    });
    await waitFor(() => invoker.calls.length === 2);

    expect(invoker.batches(pkOf)).toEqual([['k1', 'k2'], ['k3']]);
  });

  it('retries from the failed record, dead-letters it after its retries, and goes on with the shard', async () => {
    const table = await newTable();
    for (const pk of ['a', 'b', 'c']) await table.put(pk);
    const { invoker, deadLetters } = await start(
      table,
      { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 1, deadLetterQueue: 'harbor-test-things-changes-dlq' },
      (records) => {
        const b = records.find((record) => pkOf(record) === 'b');
        return b
          ? { result: { batchItemFailures: [{ itemIdentifier: b.dynamodb.SequenceNumber }] } }
          : { result: null };
      },
    );
    await waitFor(() => deadLetters.list()[0]?.messages.length === 1);
    await table.put('d');
    await waitFor(() => invoker.calls.length === 3);

    expect(invoker.batches(pkOf)).toEqual([['a', 'b', 'c'], ['b', 'c'], ['d']]);
    const letter = deadLetters.list()[0]!.messages[0]!;
    expect(letter).toMatchObject({ queueName: 'harbor-test-things-changes-dlq', service: 'dynamodb', attempts: 2 });
    expect((letter.message as { Records: LambdaStreamRecord[] }).Records.map(pkOf)).toEqual(['b', 'c']);
  });

  it('stops reading when stopped', async () => {
    const table = await newTable();
    const { invoker, mappings } = await start(table, {});
    await mappings.stop();
    await table.put('after-stop');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(invoker.calls).toHaveLength(0);
  });

  it('refuses a table without a stream, and a function that does not exist', async () => {
    const streamless = await newTable(false);
    await expect(start(streamless, {})).rejects.toBeInstanceOf(StreamNotFound);
    const table = await newTable();
    await expect(start(table, { functionId: 'things.missing' })).rejects.toThrow(
      new InvalidStreamMapping('things-changes', 'function things.missing does not exist'),
    );
  });

  describe('checkpoints across a restart', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'harbor-checkpoints-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('resumes after the last settled batch instead of at TRIM_HORIZON, so nothing is delivered twice or skipped', async () => {
      const table = await newTable();
      for (const pk of ['a', 'b']) await table.put(pk);
      const first = await start(table, { startingPosition: 'TRIM_HORIZON' }, undefined, { checkpointDir: dir });
      await waitFor(() => first.invoker.calls.length === 1);
      await first.mappings.stop();
      expect(readdirSync(dir)).toEqual(['things.onChange.things-changes.json']);

      // Written while the mapping is down: still delivered after the restart, and only these.
      for (const pk of ['c', 'd']) await table.put(pk);
      const second = await start(table, { startingPosition: 'TRIM_HORIZON' }, undefined, { checkpointDir: dir });
      await waitFor(() => second.invoker.calls.length === 1);
      await table.put('e');
      await waitFor(() => second.invoker.calls.length === 2);
      expect([...first.invoker.batches(pkOf), ...second.invoker.batches(pkOf)]).toEqual([
        ['a', 'b'],
        ['c', 'd'],
        ['e'],
      ]);
    });

    it('without a checkpoint folder every start begins at the starting position again', async () => {
      const table = await newTable();
      await table.put('a');
      const first = await start(table, { startingPosition: 'TRIM_HORIZON' });
      await waitFor(() => first.invoker.calls.length === 1);
      await first.mappings.stop();
      const second = await start(table, { startingPosition: 'TRIM_HORIZON' });
      await waitFor(() => second.invoker.calls.length === 1);
      expect(second.invoker.batches(pkOf)).toEqual([['a']]);
    });
  });
});

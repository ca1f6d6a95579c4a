import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  DescribeStreamCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { startDynamoDbLocal, type DynamoDbLocal } from '@harbor/local-cloud-dynamodb';
import { createConsoleBackend, type ConsoleApiRequest, type ConsoleBackend } from '../backend/console-backend';
import { DECLARATIONS } from '../testing/messaging-declarations';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { TableBrowser } from './table-browser';
import { ItemAlreadyExists, TableEditor } from './table-editor';

jest.setTimeout(180_000);

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const table = { name: 'console-edit', service: 'orders', keySchema: { partitionKey: 'pk', sortKey: 'sk' } };

describe('TableEditor and TableBrowser.query against DynamoDB Local', () => {
  let dynamo: DynamoDbLocal;
  let client: DynamoDBClient;
  let editor: TableEditor;
  let browser: TableBrowser;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ readyTimeoutMs: 120_000 });
    client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
    await client.send(
      new CreateTableCommand({
        TableName: table.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
          { AttributeName: 'status', AttributeType: 'S' },
          { AttributeName: 'total', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byTotal',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'total', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    editor = new TableEditor(dynamo.endpoint, [table]);
    browser = new TableBrowser(dynamo.endpoint, [table]);
    for (let sk = 1; sk <= 6; sk += 1)
      await editor.put(
        table.name,
        { item: { pk: 'customer-1', sk, status: sk % 2 ? 'PAID' : 'NEW', total: 10 * (7 - sk), note: `n${sk}` } },
        'add',
      );
    await editor.put(table.name, { item: { pk: 'customer-2', sk: 1, status: 'PAID', total: 5 } }, 'add');
  });

  afterAll(async () => {
    editor?.close();
    browser?.close();
    client?.destroy();
    await dynamo?.stop();
  });

  const query = (params: Record<string, string>, limit = 25) =>
    browser.query(table.name, new URLSearchParams(params), limit);
  const sks = (page: { items: Record<string, unknown>[] }) => page.items.map((item) => item['sk']);

  it('queries one partition key, with each sort-key condition DynamoDB offers', async () => {
    expect(sks(await query({ pk: 'customer-1' }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sks(await query({ pk: 'customer-1', skOp: 'gt', sk: '4' }))).toEqual([5, 6]);
    expect(sks(await query({ pk: 'customer-1', skOp: 'le', sk: '2' }))).toEqual([1, 2]);
    expect(sks(await query({ pk: 'customer-1', skOp: 'between', sk: '2', sk2: '4' }))).toEqual([2, 3, 4]);
    expect(sks(await query({ pk: 'customer-1', skOp: 'eq', sk: '3' }))).toEqual([3]);
  });

  it('queries a global and a local secondary index, and pages an index query with its cursor', async () => {
    expect(sks(await query({ index: 'byStatus', pk: 'PAID', skOp: 'ge', sk: '1' }))).toEqual([1, 1, 3, 5]);
    expect(sks(await query({ index: 'byTotal', pk: 'customer-1', skOp: 'lt', sk: '30' }))).toEqual([6, 5]);
    const first = await query({ index: 'byStatus', pk: 'PAID' }, 3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await query({ index: 'byStatus', pk: 'PAID', cursor: first.nextCursor! }, 3);
    expect([...sks(first), ...sks(second)].sort()).toEqual([1, 1, 3, 5]);
    expect(await browser.indexes(table.name)).toMatchObject({
      indexes: { byStatus: { partitionKey: 'status', kind: 'global' }, byTotal: { sortKey: 'total', kind: 'local' } },
    });
  });

  it.each([
    ['no partition key', {}],
    ['a number sort key that is not a number', { pk: 'customer-1', skOp: 'gt', sk: 'four' }],
    ['an unknown operator', { pk: 'customer-1', skOp: 'like', sk: '1' }],
    ['begins_with on a number', { pk: 'customer-1', skOp: 'begins_with', sk: '1' }],
    ['an unknown index', { index: 'nope', pk: 'x' }],
    ['between without its upper bound', { pk: 'customer-1', skOp: 'between', sk: '1' }],
  ])('refuses a query with %s as the caller error', async (_case, params) => {
    await expect(query(params)).rejects.toThrow(InvalidConsoleRequest);
  });

  it('replaces an item whole, refuses to add over it, and deletes it by key', async () => {
    const key = { pk: { S: 'customer-3' }, sk: { N: '1' } };
    await editor.put(table.name, { item: { pk: 'customer-3', sk: 1, status: 'NEW', note: 'first' } }, 'add');
    await expect(editor.put(table.name, { item: { pk: 'customer-3', sk: 1, note: 'again' } }, 'add')).rejects.toThrow(
      ItemAlreadyExists,
    );
    await editor.put(table.name, { item: { pk: 'customer-3', sk: 1, lines: [{ sku: 'A', qty: 2 }] } }, 'replace');
    const stored = await client.send(new GetItemCommand({ TableName: table.name, Key: key }));
    expect(stored.Item).toEqual({ ...key, lines: { L: [{ M: { sku: { S: 'A' }, qty: { N: '2' } } }] } });
    expect(await editor.delete(table.name, { key: { pk: 'customer-3', sk: 1 } })).toMatchObject({
      deleted: { pk: 'customer-3', lines: [{ sku: 'A', qty: 2 }] },
    });
    expect((await client.send(new GetItemCommand({ TableName: table.name, Key: key }))).Item).toBeUndefined();
    await expect(editor.delete(table.name, { key: { pk: 'customer-3', sk: 1 } })).rejects.toThrow(
      ConsoleResourceNotFound,
    );
  });

  it.each([
    ['no item', {}],
    ['an item without its sort key', { item: { pk: 'customer-9' } }],
    ['a sort key of the wrong type', { item: { pk: 'customer-9', sk: 'one' } }],
    ['an index key of the wrong type', { item: { pk: 'customer-9', sk: 1, total: 'lots' } }],
    ['an item over 400 KB', { item: { pk: 'customer-9', sk: 1, note: 'x'.repeat(410_000) } }],
    ['an empty partition key', { item: { pk: '', sk: 1 } }],
  ])('refuses %s, and writes nothing', async (_case, body) => {
    await expect(editor.put(table.name, body, 'replace')).rejects.toThrow(InvalidConsoleRequest);
    expect((await query({ pk: 'customer-9' })).items).toEqual([]);
  });

  it('refuses an unknown table and a delete key with more than the key', async () => {
    await expect(editor.put('nope', { item: { pk: 'x', sk: 1 } }, 'add')).rejects.toThrow(ConsoleResourceNotFound);
    await expect(browser.query('nope', new URLSearchParams({ pk: 'x' }), 5)).rejects.toThrow(ConsoleResourceNotFound);
    await expect(editor.delete(table.name, { key: { pk: 'customer-1', sk: 1, note: 'n1' } })).rejects.toThrow(
      InvalidConsoleRequest,
    );
  });

  it("writes through DynamoDB, so the table's stream carries the edit", async () => {
    await editor.put(table.name, { item: { pk: 'customer-4', sk: 1, status: 'NEW' } }, 'add');
    await editor.put(table.name, { item: { pk: 'customer-4', sk: 1, status: 'PAID' } }, 'replace');
    await editor.delete(table.name, { key: { pk: 'customer-4', sk: 1 } });
    const streams = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
    try {
      const described = await client.send(new DescribeTableCommand({ TableName: table.name }));
      const stream = await streams.send(new DescribeStreamCommand({ StreamArn: described.Table!.LatestStreamArn! }));
      const events: string[] = [];
      for (const shard of stream.StreamDescription!.Shards!) {
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: described.Table!.LatestStreamArn!,
            ShardId: shard.ShardId!,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        );
        const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator: ShardIterator! }));
        for (const record of Records ?? [])
          if (record.dynamodb?.Keys?.['pk']?.S === 'customer-4') events.push(record.eventName!);
      }
      expect(events).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    } finally {
      streams.destroy();
    }
  });
});

describe('the table routes of the console backend', () => {
  let dynamo: DynamoDbLocal;
  let backend: ConsoleBackend;
  let handle: (request: ConsoleApiRequest) => Promise<unknown>;
  const routeTable = { name: 'console-routes', service: 'orders', keySchema: { partitionKey: 'id' } };

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ readyTimeoutMs: 120_000 });
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
    await client.send(
      new CreateTableCommand({
        TableName: routeTable.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    client.destroy();
    backend = createConsoleBackend({
      trace: new TraceRecorder(),
      tables: [routeTable],
      dynamodbEndpoint: dynamo.endpoint,
      functions: () => [],
      invoker: () => ({ has: () => false, invoke: () => Promise.reject(new Error('no function runs here')) }),
      correlationIdOfRequest: () => undefined,
      log: () => undefined,
    });
    const serving = { messaging: DECLARATIONS, routes: () => [], v2Routes: () => ({ httpApi: [], websocket: [] }) };
    handle = backend.serve(async () => ({ status: 418, headers: {}, body: '' }), {
      ...serving,
      restApi: '',
      httpApi: '',
      websocketUrls: {},
    });
  });
  afterAll(async () => {
    backend?.close();
    await dynamo?.stop();
  });

  const send = async (method: string, url: string, body: string) => {
    const answer = (await handle({ method, url, path: url.split('?', 1)[0], body: Buffer.from(body) })) as {
      status: number;
      headers: Record<string, string>;
      body: string;
    };
    return { status: answer.status, type: answer.headers['content-type'], body: JSON.parse(answer.body) as unknown };
  };
  const items = `/_local/tables/${routeTable.name}/items`;

  it('answers 201, 409, 200 and 404 for add, add again, delete and delete again', async () => {
    const item = JSON.stringify({ item: { id: 'a', n: 1 } });
    expect(await send('POST', items, item)).toMatchObject({ status: 201, body: { item: { id: 'a', n: 1 } } });
    expect(await send('POST', items, item)).toMatchObject({ status: 409, type: 'application/problem+json' });
    expect(await send('GET', `/_local/tables/${routeTable.name}/query?pk=a`, '')).toMatchObject({
      status: 200,
      body: { items: [{ id: 'a', n: 1 }] },
    });
    const key = JSON.stringify({ key: { id: 'a' } });
    expect(await send('DELETE', items, key)).toMatchObject({ status: 200, body: { deleted: { id: 'a' } } });
    expect(await send('DELETE', items, key)).toMatchObject({ status: 404, type: 'application/problem+json' });
  });

  it.each([
    ['PUT', '/_local/tables/nope/items', '{"item":{"id":"x"}}', 404],
    ['GET', '/_local/tables/nope/query?pk=x', '', 404],
    ['PUT', items, '{"item":', 400],
    ['PUT', items, '[1]', 400],
    ['PUT', items, '{"item":{"id":7}}', 400],
    ['GET', `/_local/tables/${routeTable.name}/query`, '', 400],
    ['GET', '/_local/tables/%E0%A4%A/query?pk=x', '', 400],
  ])('answers %s %s %s with %d problem+json', async (method, url, body, status) => {
    expect(await send(method, url, body)).toMatchObject({ status, type: 'application/problem+json' });
    expect((await send('GET', `/_local/tables/${routeTable.name}/items`, '')).body).toEqual({ items: [] });
  });
});

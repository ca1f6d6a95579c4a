import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '@harbor/local-cloud-dynamodb';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { pageSize, TableBrowser } from './table-browser';
import { encodeCursor } from './table-cursor';

jest.setTimeout(180_000);

describe('TableBrowser against DynamoDB Local', () => {
  let dynamo: DynamoDbLocal;
  let browser: TableBrowser;
  const table = { name: 'console-browse', service: 'orders', keySchema: { partitionKey: 'pk', sortKey: 'sk' } };

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ readyTimeoutMs: 120_000 });
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(
      new CreateTableCommand({
        TableName: table.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    const items = Array.from({ length: 7 }, (_, i) => ({
      PutRequest: {
        Item: {
          pk: { S: `order-${i}` },
          sk: { N: String(i) },
          total: { N: '12.5' },
          big: { N: '12345678901234567890' },
          tags: { SS: ['a', 'b'] },
        },
      },
    }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [table.name]: items } }));
    client.destroy();
    browser = new TableBrowser(dynamo.endpoint, [table]);
  });

  afterAll(async () => {
    browser?.close();
    await dynamo?.stop();
  });

  it('lists the declared tables with their key schema and item count', async () => {
    expect(await browser.list()).toEqual([{ ...table, itemCount: 7 }]);
  });

  it('pages through every item exactly once with the opaque cursor, as plain JSON', async () => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await browser.items(table.name, 3, cursor);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(seen.map((item) => (item as { pk: string }).pk).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `order-${i}`),
    );
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toMatchObject({ total: 12.5, big: '12345678901234567890', tags: ['a', 'b'] });
  });

  it('refuses an unknown table, a forged cursor and a bad page size', async () => {
    await expect(browser.items('nope', 3)).rejects.toThrow(ConsoleResourceNotFound);
    await expect(browser.items(table.name, 3, 'not-a-cursor')).rejects.toThrow(InvalidConsoleRequest);
    expect(encodeCursor({ pk: { S: 'x' } })).not.toContain('pk');
    expect(() => pageSize('0')).toThrow(InvalidConsoleRequest);
    expect(pageSize(null)).toBe(25);
  });

  // Well-formed JSON keys this API never issued: DynamoDB refuses them with a ValidationException, which must
  // reach the caller as its own 400, not the console's 500.
  it.each([
    ['a key without the sort key', { pk: { S: 'order-1' } }],
    ['a key of another table', { id: { S: 'x' } }],
    ['a sort key of the wrong type', { pk: { S: 'order-1' }, sk: { S: 'one' } }],
    ['an attribute value of no type', { pk: { X: 'order-1' }, sk: { N: '1' } }],
    ['an extra attribute', { pk: { S: 'order-1' }, sk: { N: '1' }, total: { N: '1' } }],
  ])('refuses a crafted cursor: %s', async (_case, key) => {
    await expect(browser.items(table.name, 3, encodeCursor(key as never))).rejects.toThrow(InvalidConsoleRequest);
  });
});

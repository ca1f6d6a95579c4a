import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../start-dynamodb-local';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { askForConsumedCapacity, takeConsumedCapacity } from './consumed-capacity';

jest.setTimeout(180_000);

/**
 * A signed SDK client talking to DynamoDB Local through a proxy that does what the local cloud's passthrough does:
 * DynamoDB Local must accept the rewritten body, meter it as DynamoDB does, and the SDK must accept the answer.
 */
describe('consumed capacity metered by DynamoDB Local', () => {
  let dynamo: DynamoDbLocal;
  let proxy: Server;
  let client: DynamoDBClient;
  const metered: { operation: string; readUnits: number; writeUnits: number }[] = [];

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ readyTimeoutMs: 120_000 });
    const upstream = new URL(dynamo.endpoint);
    proxy = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const operation =
          String(incoming.headers['x-amz-target'] ?? '')
            .split('.')
            .pop() ?? '';
        const asked = askForConsumedCapacity(operation, Buffer.concat(chunks));
        const headers = { ...incoming.headers, host: upstream.host, 'content-length': String(asked.body.length) };
        const forwarded = httpRequest(
          { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => parts.push(chunk));
            answer.on('end', () => {
              const answered = Object.fromEntries(
                Object.entries(answer.headers)
                  .filter(([name]) => !['content-length', 'connection', 'transfer-encoding'].includes(name))
                  .map(([name, value]) => [name, String(value)]),
              );
              const taken = takeConsumedCapacity(
                operation,
                { body: Buffer.concat(parts).toString('utf8'), headers: answered },
                asked.injected,
              );
              metered.push({ operation, readUnits: taken.readUnits, writeUnits: taken.writeUnits });
              outgoing.writeHead(answer.statusCode ?? 500, taken.answer.headers).end(taken.answer.body);
            });
          },
        );
        forwarded.end(asked.body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'capacity',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
  });

  afterAll(async () => {
    client?.destroy();
    await new Promise((resolve) => proxy?.close(resolve));
    await dynamo?.stop();
  });

  it('counts write and read units as DynamoDB does, and answers the SDK as if nothing was asked', async () => {
    metered.length = 0;
    const put = await client.send(
      new PutItemCommand({ TableName: 'capacity', Item: { pk: { S: 'a' }, text: { S: 'x'.repeat(5000) } } }),
    );
    expect(put.ConsumedCapacity).toBeUndefined();
    await client.send(new GetItemCommand({ TableName: 'capacity', Key: { pk: { S: 'a' } } }));
    await client.send(new GetItemCommand({ TableName: 'capacity', Key: { pk: { S: 'a' } }, ConsistentRead: true }));
    await client.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'capacity', Item: { pk: { S: 'b' } } } }] }),
    );
    const asked = await client.send(
      new UpdateItemCommand({
        TableName: 'capacity',
        Key: { pk: { S: 'b' } },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': { N: '1' } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(asked.ConsumedCapacity).toEqual({ TableName: 'capacity', CapacityUnits: 1 });
    // 5 KB written: 5 WRU; read eventually consistent: 2 x 4 KB / 2 = 1 RRU, strongly: 2; a small transactional put: 2.
    expect(metered.filter((call) => call.operation !== 'CreateTable')).toEqual([
      { operation: 'PutItem', readUnits: 0, writeUnits: 5 },
      { operation: 'GetItem', readUnits: 1, writeUnits: 0 },
      { operation: 'GetItem', readUnits: 2, writeUnits: 0 },
      { operation: 'TransactWriteItems', readUnits: 0, writeUnits: 2 },
      { operation: 'UpdateItem', readUnits: 0, writeUnits: 1 },
    ]);
  });
});

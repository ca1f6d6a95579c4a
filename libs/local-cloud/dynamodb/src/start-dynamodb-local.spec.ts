import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTables } from './create-tables';
import { findFreePort, isPortFree } from './free-port';
import { listeningAddresses } from '../test/listening-addresses';
import { startDynamoDbLocal, type DynamoDbLocal } from './start-dynamodb-local';

const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false });
const orders = services.filter((service) => service.name === 'orders');

/** ListTables as a browser page would send it after DNS rebinding: to 127.0.0.1, under another Host name. */
const listTablesWithHost = (port: number, host: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const body = '{}';
    const call = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: {
          host,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=rebound/20261206/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
          'content-length': body.length,
        },
      },
      (response) => {
        let text = '';
        response
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    call.on('error', reject).end(body);
  });

function clientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
}

describe('startDynamoDbLocal (in memory)', () => {
  let dynamoDb: DynamoDbLocal;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ allowedHosts: ['.box.example'] });
    client = clientFor(dynamoDb.endpoint);
  }, 45_000);
  afterAll(async () => {
    client?.destroy();
    await dynamoDb?.stop();
  });

  it('answers on the port it reports, after a measured start', () => {
    expect(dynamoDb.endpoint).toBe(`http://127.0.0.1:${dynamoDb.port}`);
    expect(dynamoDb.readyInMs).toBeGreaterThan(0);
  });

  // DynamoDB Local has no bind-address option and listens on every interface, where anyone on the same network
  // could read and change every table: the launcher binds it to loopback, which the kernel's table shows.
  it('listens on the loopback address only, not on every interface', () => {
    const addresses = listeningAddresses(dynamoDb.port);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(['127.0.0.1', '::ffff:127.0.0.1']).toContain(address);
  });

  // Loopback alone does not stop DNS rebinding: a page at rebound.example:<port> reaches 127.0.0.1 same-origin.
  it('refuses a request whose Host is not a loopback name on its port', async () => {
    for (const host of [
      `rebound.example:${dynamoDb.port}`,
      `localhost:${dynamoDb.port + 1}`,
      `127.0.0.1.nip.example:${dynamoDb.port}`,
    ]) {
      const answer = await listTablesWithHost(dynamoDb.port, host);
      expect({ host, status: answer.status, code: (JSON.parse(answer.body) as { code: string }).code }).toEqual({
        host,
        status: 403,
        code: 'LOCAL.HOST_NOT_ALLOWED',
      });
    }
  });

  it('answers loopback names on its port and the names allowed on purpose', async () => {
    for (const host of [
      `127.0.0.1:${dynamoDb.port}`,
      `localhost:${dynamoDb.port}`,
      `[::1]:${dynamoDb.port}`,
      `dev.box.example:9999`,
    ]) {
      const answer = await listTablesWithHost(dynamoDb.port, host);
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
    }
  });

  it('answers a body with broken chunked framing 400, not 500, and keeps answering', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect({ host: '127.0.0.1', port: dynamoDb.port }, () =>
        socket.write(
          `POST / HTTP/1.1\r\nHost: 127.0.0.1:${dynamoDb.port}\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
        ),
      );
      socket
        .setEncoding('utf8')
        .on('data', (chunk: string) => (received += chunk))
        .on('close', () => resolve(received))
        .on('error', reject);
      setTimeout(() => socket.destroy(), 5_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect((await listTablesWithHost(dynamoDb.port, `127.0.0.1:${dynamoDb.port}`)).status).toBe(200);
  });

  it('creates the orders tables, then leaves them alone on a second call', async () => {
    const first = await createTables(dynamoDb.endpoint, orders, 'test');
    expect(first).toEqual({
      created: ['harbor-test-orders', 'harbor-test-orders-idempotency', 'harbor-test-orders-prices'],
      existing: [],
    });
    const second = await createTables(dynamoDb.endpoint, orders, 'test');
    expect(second).toEqual({
      created: [],
      existing: ['harbor-test-orders', 'harbor-test-orders-idempotency', 'harbor-test-orders-prices'],
    });
  });

  it('stores and reads an item', async () => {
    const Key = { pk: { S: 'ORDER#1' }, sk: { S: 'ORDER' } };
    await client.send(
      new PutItemCommand({ TableName: 'harbor-test-orders', Item: { ...Key, status: { S: 'PENDING' } } }),
    );
    const { Item } = await client.send(new GetItemCommand({ TableName: 'harbor-test-orders', Key }));
    expect(Item?.status).toEqual({ S: 'PENDING' });
  });

  it('enables the declared stream, index and TTL on the orders table', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'harbor-test-orders' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toEqual(expect.stringContaining('harbor-test-orders'));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byCustomer']);
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: 'harbor-test-orders' }),
    );
    expect(TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('frees its port when stopped', async () => {
    expect(await isPortFree(dynamoDb.port)).toBe(false);
    await dynamoDb.stop();
    expect(await isPortFree(dynamoDb.port)).toBe(true);
  });
});

describe('startDynamoDbLocal (on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbor-dynamodb-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps tables and items across restarts on the port it was given', async () => {
    const port = await findFreePort();
    const Key = { id: { S: 'kept' } };
    const first = await startDynamoDbLocal({ port, dataDir });
    try {
      expect(first.port).toBe(port);
      await createTables(first.endpoint, orders, 'local');
      const client = clientFor(first.endpoint);
      await client.send(new PutItemCommand({ TableName: 'harbor-local-orders-idempotency', Item: Key }));
      client.destroy();
    } finally {
      await first.stop();
    }
    const second = await startDynamoDbLocal({ port, dataDir });
    try {
      expect((await createTables(second.endpoint, orders, 'local')).created).toEqual([]);
      const client = clientFor(second.endpoint);
      const { Item } = await client.send(new GetItemCommand({ TableName: 'harbor-local-orders-idempotency', Key }));
      client.destroy();
      expect(Item).toEqual(Key);
    } finally {
      await second.stop();
    }
  }, 90_000);
});

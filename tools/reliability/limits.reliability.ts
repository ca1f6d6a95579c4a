import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { randomUUID } from 'node:crypto';
import { putEvents, snsPublish } from './support/aws-wire';
import {
  adminToken,
  newCustomer,
  newSku,
  orderBody,
  placeOrder,
  request,
  scanTable,
  seedStock,
  webhookSignature,
  type Customer,
} from './support/clients';
import { recordFigures } from './support/figures';
import {
  START_TIMEOUT_MS,
  physicalName,
  startReliabilityCloud,
  topicArn,
  type ReliabilityCloud,
} from './support/local-cloud';

/**
 * AWS's payload limits, at the limit and one byte over, answered as AWS answers them:
 * - SNS Publish: 262,144 bytes of message and attributes (name, type and value of each); over → 400 InvalidParameter
 *   "Invalid parameter: Message too long".
 * - EventBridge PutEvents: 1 MB (1,048,576 bytes) of entries, each sized as AWS documents (Time 14 bytes, Source,
 *   DetailType, Detail, Resources in UTF-8). AWS raised it from 256 KB on 2026-01-29; over → 400 ValidationException.
 * - API Gateway: 10 MB (10,485,760 bytes) of request body; over → 413, REST {"message":"Request Too Long"}, HTTP API
 *   {"message":"Request Entity Too Large"}.
 * - DynamoDB: 400 KB (409,600 bytes) an item; DynamoDB Local enforces it itself. The services cannot reach it: their
 *   functions refuse bodies over 64 KB with a 413 problem, and a 64 KB order makes a small item.
 */
const SNS_LIMIT = 262_144;
const PUT_EVENTS_LIMIT = 1_048_576;
const GATEWAY_LIMIT = 10 * 1024 * 1024;
const FUNCTION_BODY_LIMIT = 64 * 1024;
const ITEM_LIMIT = 400 * 1024;

let cloud: ReliabilityCloud;
let requests = 0;
const sdk = () => ({
  endpoint: cloud.endpoints.aws,
  region: cloud.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

beforeAll(async () => {
  cloud = await startReliabilityCloud();
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

/** A string of exactly `bytes` UTF-8 bytes, multi-byte characters first (where byte and character counts differ). */
function utf8OfBytes(bytes: number): string {
  const wide = Math.floor(bytes / 3 / 2);
  const text = '€'.repeat(wide) + 'a'.repeat(bytes - wide * 3);
  if (Buffer.byteLength(text) !== bytes) throw new Error('utf8OfBytes miscounted');
  return text;
}

describe('SNS Publish: 256 KB of message and attributes', () => {
  // No eventType attribute: no subscription's filter policy matches, so nothing is delivered.
  const attributes = { probe: { DataType: 'String', StringValue: 'größe' } };
  const attributeBytes = Buffer.byteLength('probe') + Buffer.byteLength('String') + Buffer.byteLength('größe');

  it('publishes exactly 262,144 bytes, with and without attributes', async () => {
    const plain = await snsPublish(cloud, 'order-status', utf8OfBytes(SNS_LIMIT));
    const withAttributes = await snsPublish(cloud, 'order-status', utf8OfBytes(SNS_LIMIT - attributeBytes), attributes);
    requests += 2;
    expect([plain.status, withAttributes.status]).toEqual([200, 200]);
    expect(plain.text).toMatch(/<PublishResponse[\s\S]*<MessageId>[\w-]+<\/MessageId>/);
  });

  it('refuses one byte more with InvalidParameter "Message too long", on the wire and through the SDK', async () => {
    const over = await snsPublish(cloud, 'order-status', utf8OfBytes(SNS_LIMIT - attributeBytes + 1), attributes);
    requests++;
    expect(over.status).toBe(400);
    expect(over.text).toContain('<Code>InvalidParameter</Code>');
    expect(over.text).toContain('<Message>Invalid parameter: Message too long</Message>');

    const client = new SNSClient(sdk());
    try {
      await expect(
        client.send(
          new PublishCommand({ TopicArn: topicArn(cloud, 'order-status'), Message: utf8OfBytes(SNS_LIMIT + 1) }),
        ),
      ).rejects.toMatchObject({
        name: expect.stringMatching(/^InvalidParameter/),
        message: 'Invalid parameter: Message too long',
        $metadata: { httpStatusCode: 400 },
      });
      requests++;
    } finally {
      client.destroy();
    }
    recordFigures({
      promise: 'SNS Publish: 262,144 bytes accepted, one more → InvalidParameter',
      requests: 4,
      events: 2,
      lost: 0,
      doubled: 0,
    });
  });
});

describe('EventBridge PutEvents: 1 MB of entries, sized as AWS documents', () => {
  const source = 'harbor.limits'; // no rule matches it: nothing is delivered
  const detailType = 'LimitProbe';
  const time = Math.floor(Date.now() / 1000);
  /** Entries whose sizes add up to `total` bytes: 14 for Time, Source, DetailType, Detail and Resources in UTF-8. */
  function entriesOf(total: number, count: number) {
    const resources = ['arn:aws:s3:::harbor-limits-probe'];
    const fixed = 14 + Buffer.byteLength(source) + Buffer.byteLength(detailType) + Buffer.byteLength(resources[0]!);
    const per = Math.floor(total / count);
    return Array.from({ length: count }, (_, index) => {
      const size = index === count - 1 ? total - per * (count - 1) : per;
      const padding = size - fixed - Buffer.byteLength('{"p":""}');
      return {
        Source: source,
        DetailType: detailType,
        Time: time,
        Resources: resources,
        Detail: `{"p":"${utf8OfBytes(padding)}"}`,
      };
    });
  }

  it('accepts exactly 1,048,576 bytes, in one entry or ten', async () => {
    for (const count of [1, 10]) {
      const answer = await putEvents(cloud, entriesOf(PUT_EVENTS_LIMIT, count));
      requests++;
      expect({ count, status: answer.status, failed: answer.json?.FailedEntryCount }).toEqual({
        count,
        status: 200,
        failed: 0,
      });
    }
  });

  it('refuses one byte more with a ValidationException, on the wire and through the SDK', async () => {
    const over = await putEvents(cloud, entriesOf(PUT_EVENTS_LIMIT + 1, 10));
    requests++;
    expect(over.status).toBe(400);
    expect(over.json).toMatchObject({
      __type: expect.stringMatching(/ValidationException$/),
      message: expect.stringMatching(/over the limit/),
    });

    const client = new EventBridgeClient(sdk());
    try {
      const entries = entriesOf(PUT_EVENTS_LIMIT + 1, 1).map((entry) => ({
        ...entry,
        Time: new Date(entry.Time * 1000),
        EventBusName: physicalName(cloud, 'events'),
      }));
      await expect(client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      });
      requests++;
    } finally {
      client.destroy();
    }
    recordFigures({
      promise: 'EventBridge PutEvents: 1,048,576 bytes accepted, one more → ValidationException',
      requests: 4,
      events: 11,
      lost: 0,
      doubled: 0,
    });
  });
});

describe('API Gateway: 10 MB of request body', () => {
  it('REST API: a 10,485,760-byte body reaches validation (400 problem), one byte more is 413 "Request Too Long"', async () => {
    // The payment webhook: API key and a valid signature, so only the body decides.
    const post = (body: string) =>
      request(`${cloud.endpoints.restApi}/payments/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': cloud.endpoints.apiKey, ...webhookSignature(body) },
        body,
      });
    const padded = (bytes: number) => {
      const body = `{"padding":"${'a'.repeat(bytes - '{"padding":""}'.length)}"}`;
      expect(Buffer.byteLength(body)).toBe(bytes);
      return body;
    };
    const atLimit = await post(padded(GATEWAY_LIMIT));
    expect(atLimit.status).toBe(400);
    expect(atLimit.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const over = await post(padded(GATEWAY_LIMIT + 1));
    expect(over.status).toBe(413);
    expect(over.json).toEqual({ message: 'Request Too Long' });
    requests += 2;
  });

  it('HTTP API: one byte over 10 MB is 413 "Request Entity Too Large" before the function runs', async () => {
    const sku = newSku('BIG');
    const token = await adminToken(cloud);
    const body = `{"available":1,"padding":"${'a'.repeat(GATEWAY_LIMIT + 1 - '{"available":1,"padding":""}'.length)}"}`;
    expect(Buffer.byteLength(body)).toBe(GATEWAY_LIMIT + 1);
    const over = await request(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    requests++;
    expect(over.status).toBe(413);
    expect(over.json).toEqual({ message: 'Request Entity Too Large' });
    // Nothing was stored for the SKU.
    const stock = await request(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    requests++;
    expect(stock.status).toBe(404);
    recordFigures({
      promise: 'API Gateway: 10 MB body accepted, one more byte → 413 (REST and HTTP API)',
      requests: 4,
      lost: 0,
      doubled: 0,
    });
  });
});

describe('DynamoDB: 400 KB an item', () => {
  it('DynamoDB Local itself accepts a 409,600-byte item and refuses one byte more', async () => {
    const client = new DynamoDBClient({ ...sdk(), endpoint: cloud.endpoints.dynamodb });
    const TableName = physicalName(cloud, `limits-probe-${randomUUID().slice(0, 8)}`);
    try {
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
      // Item size: attribute names plus values in UTF-8 (pk + "p1" + "p2" + the values).
      const item = (bytes: number) => {
        const fixed = Buffer.byteLength('pk') + Buffer.byteLength('item') + Buffer.byteLength('data');
        return { pk: { S: 'item' }, data: { S: 'x'.repeat(bytes - fixed) } };
      };
      await expect(client.send(new PutItemCommand({ TableName, Item: item(ITEM_LIMIT) }))).resolves.toBeDefined();
      await expect(client.send(new PutItemCommand({ TableName, Item: item(ITEM_LIMIT + 1) }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringMatching(/Item size has exceeded the maximum allowed size/),
      });
    } finally {
      await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
      client.destroy();
    }
  });

  it('the services cannot reach it: POST /orders takes a 64 KB body (a small item) and refuses one byte more with a 413 problem', async () => {
    const sku = newSku('ITEM');
    await seedStock(cloud, sku, 5);
    const customer: Customer = await newCustomer(cloud, 'limits');
    const body = (bytes: number) => {
      const order = orderBody([{ sku, quantity: 1 }]);
      return order + ' '.repeat(bytes - Buffer.byteLength(order)); // JSON allows trailing whitespace
    };
    const atLimit = await placeOrder(cloud, customer, [], { body: body(FUNCTION_BODY_LIMIT) });
    expect(atLimit.status).toBe(201);
    const over = await placeOrder(cloud, customer, [], { body: body(FUNCTION_BODY_LIMIT + 1) });
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(over.json).toMatchObject({ status: 413 });
    requests += 2;

    // The largest order item stays far below DynamoDB's limit.
    const items = (await scanTable(cloud, 'orders')).filter((item) => item['customerId']?.S === customer.customerId);
    expect(items).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(items[0]))).toBeLessThan(ITEM_LIMIT / 10);
    recordFigures({
      promise:
        'DynamoDB 400 KB item: enforced by DynamoDB Local; unreachable through the 64 KB body limit (413 problem)',
      requests: 2,
      lost: 0,
      doubled: 0,
      notes: `${requests} requests in this suite in all`,
    });
  });
});

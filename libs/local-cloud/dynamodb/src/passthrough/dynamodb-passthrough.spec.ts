import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { dynamoDbPassthrough, tablesOf } from './dynamodb-passthrough';

/** Stands in for DynamoDB Local: keeps what it received and answers a fixed JSON body with DynamoDB's headers. */
let upstream: Server;
let received: { headers: IncomingHttpHeaders; body: string }[] = [];
let answer = { status: 200, body: '{}' };

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response
        .writeHead(answer.status, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-crc32': '12345',
          'x-amzn-requestid': 'req-1',
        })
        .end(answer.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));
beforeEach(() => {
  received = [];
  answer = { status: 200, body: '{}' };
});

const CALLER_TRACE = 'Root=1-00000000-000000000000000000000001;Parent=0000000000000001;Sampled=0';

function passthrough() {
  const trace = new TraceRecorder();
  const endpoint = dynamoDbPassthrough({
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    trace,
    callerCorrelationId: (header) => (header === CALLER_TRACE ? 'order-7' : undefined),
  });
  return { endpoint, trace };
}

const call = (target: string, body: unknown, traceHeader?: string) => ({
  method: 'POST',
  path: '/',
  headers: {
    host: '127.0.0.1:4566',
    'x-amz-target': `DynamoDB_20120810.${target}`,
    'content-type': 'application/x-amz-json-1.0',
    authorization:
      'AWS4-HMAC-SHA256 Credential=local/20261201/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc',
    ...(traceHeader ? { 'x-amzn-trace-id': traceHeader } : {}),
  },
  body: Buffer.from(JSON.stringify(body)),
});

describe('dynamoDbPassthrough: DynamoDB calls of the functions, passed to DynamoDB Local and traced', () => {
  it('claims DynamoDB JSON calls only', () => {
    const { endpoint } = passthrough();
    expect(endpoint.canHandle(call('GetItem', {}))).toBe(true);
    expect(endpoint.canHandle({ ...call('GetItem', {}), headers: { 'x-amz-target': 'AWSEvents.PutEvents' } })).toBe(
      false,
    );
    expect(endpoint.canHandle({ ...call('GetItem', {}), headers: {} })).toBe(false);
    endpoint.close();
  });

  it('forwards the signed headers untouched, the body asking for consumed capacity, and answers what DynamoDB answered', async () => {
    const { endpoint } = passthrough();
    answer = { status: 200, body: '{"Item":{"pk":{"S":"ü"}}}' };
    const request = call('GetItem', { TableName: 'harbor-local-orders', Key: { pk: { S: 'ORDER#1' } } });

    const response = await endpoint.handle(request);

    expect(response).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'x-amz-crc32': '12345', 'x-amzn-requestid': 'req-1' }),
      body: '{"Item":{"pk":{"S":"ü"}}}',
    });
    const asked = JSON.stringify({ ...JSON.parse(request.body.toString('utf8')), ReturnConsumedCapacity: 'TOTAL' });
    expect(received).toEqual([
      {
        headers: expect.objectContaining({
          authorization: request.headers.authorization,
          'x-amz-target': 'DynamoDB_20120810.GetItem',
        }),
        body: asked,
      },
    ]);
    endpoint.close();
  });

  it('records the capacity DynamoDB Local says a call consumed, and answers without what the caller did not ask for', async () => {
    const { endpoint, trace } = passthrough();
    answer = { status: 200, body: '{"ConsumedCapacity":{"TableName":"harbor-local-orders","CapacityUnits":3.0}}' };
    const response = await endpoint.handle(
      call('PutItem', { TableName: 'harbor-local-orders', Item: {} }, CALLER_TRACE),
    );
    expect(response).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'x-amz-crc32': String(crc32('{}')) }),
      body: '{}',
    });
    expect(trace.byCorrelationId('order-7')[0].detail).toMatchObject({ readUnits: 0, writeUnits: 3 });
    endpoint.close();
  });

  it('records a dynamodb hop, with operation, tables and timing, in the trace of the invocation that called', async () => {
    const { endpoint, trace } = passthrough();
    const transaction = {
      TransactItems: [
        { Put: { TableName: 'harbor-local-orders', Item: {} } },
        { Put: { TableName: 'harbor-local-orders', Item: {} } },
      ],
    };

    await endpoint.handle(call('TransactWriteItems', transaction, CALLER_TRACE));
    answer = {
      status: 400,
      body: '{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"cancelled"}',
    };
    await endpoint.handle(call('TransactWriteItems', transaction, CALLER_TRACE));

    expect(trace.byCorrelationId('order-7')).toEqual([
      expect.objectContaining({
        kind: 'dynamodb',
        name: 'TransactWriteItems harbor-local-orders',
        status: 'ok',
        durationMs: expect.any(Number),
        detail: {
          operation: 'TransactWriteItems',
          tables: ['harbor-local-orders'],
          status: 200,
          readUnits: 0,
          writeUnits: 0,
        },
      }),
      expect.objectContaining({
        kind: 'dynamodb',
        status: 'error',
        detail: expect.objectContaining({ status: 400, errorType: 'TransactionCanceledException' }),
      }),
    ]);
    endpoint.close();
  });

  it('passes a call from outside any invocation through without a hop', async () => {
    const { endpoint, trace } = passthrough();
    expect((await endpoint.handle(call('ListTables', {}, 'Root=1-unknown'))).status).toBe(200);
    expect(received).toHaveLength(1);
    expect(trace.recent()).toEqual([]);
    endpoint.close();
  });

  it('names every table a request touches', () => {
    expect(tablesOf(Buffer.from('{"TableName":"a"}'))).toEqual(['a']);
    expect(tablesOf(Buffer.from('{"RequestItems":{"a":[],"b":[]}}'))).toEqual(['a', 'b']);
    expect(
      tablesOf(
        Buffer.from(
          '{"TransactItems":[{"ConditionCheck":{"TableName":"a"}},{"Update":{"TableName":"b"}},{"Get":{"TableName":"a"}}]}',
        ),
      ),
    ).toEqual(['a', 'b']);
    expect(tablesOf(Buffer.from('not json'))).toEqual([]);
  });
});

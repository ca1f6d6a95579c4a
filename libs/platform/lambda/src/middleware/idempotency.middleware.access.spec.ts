import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { DomainError } from '@harbor/shared-kernel';
import { randomUUID } from 'node:crypto';
import { httpHandler } from '../http/http-handler';
import { createObservability } from '../observability/observability';
import { jsonRequest, lambdaContext } from '../testing/lambda-fixtures';
import { PlaceOrderBody } from '../../test/route-schemas';
import { idempotencyAccess } from './idempotency.middleware.access';

// Every command Powertools sends to DynamoDB Local for an idempotent route, against what idempotencyAccess declares.
const TABLE = `harbor-${process.env.HARBOR_ENV}-platform-lambda-idempotency-access`;
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

class OutOfStock extends DomainError {
  readonly code = 'ORDER.OUT_OF_STOCK';
  readonly kind = 'unprocessable' as const;
}

let failNext = false;
const placeOrder = httpHandler(
  { observability: createObservability('orders'), bodySchema: PlaceOrderBody, idempotency: true },
  async ({ body }) => {
    if (failNext) {
      failNext = false;
      throw new OutOfStock('SKU-1 is out of stock');
    }
    return { statusCode: 201, body: { orderId: randomUUID(), lines: body.lines } };
  },
);
const call = (key: string) =>
  placeOrder(
    jsonRequest(
      { lines: [{ sku: 'SKU-1', quantity: 2 }] },
      { headers: { 'Idempotency-Key': key }, claims: { sub: 'customer-1' } },
    ),
    lambdaContext(),
  );

/** As a DynamoDB whose ConditionalCheckFailedException carries no item: Powertools then reads the record itself. */
async function withoutRecordInFailedClaims<T>(run: () => Promise<T>): Promise<T> {
  const prototype = DynamoDBClient.prototype as unknown as { send: (...args: unknown[]) => Promise<unknown> };
  const send = prototype.send;
  prototype.send = async function sendStrippingItem(this: unknown, ...args: unknown[]) {
    try {
      return await send.apply(this, args);
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
        delete (error as { Item?: unknown }).Item;
      throw error;
    }
  };
  try {
    return await run();
  } finally {
    prototype.send = send;
  }
}

describe('idempotency sends exactly what idempotencyAccess declares', () => {
  beforeAll(async () => {
    const client = new DynamoDBClient({});
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    );
    client.destroy();
    process.env.IDEMPOTENCY_TABLE_NAME = TABLE;
  });

  it('a completed request, its replays (with and without the record in the failed claim) and a failed request', async () => {
    const key = randomUUID();
    expect((await meter.measure(() => call(key))).statusCode).toBe(201);
    expect((await meter.measure(() => call(key))).statusCode).toBe(201);
    const replayed = await withoutRecordInFailedClaims(() => meter.measure(() => call(key)));
    expect(replayed.statusCode).toBe(201);
    failNext = true;
    expect((await meter.measure(() => call(randomUUID()))).statusCode).toBe(422);
    expect(meter.accessed()).toEqual(
      describeDeclaredAccess(idempotencyAccess.whenWired, { tableEnvs: { IDEMPOTENCY_TABLE_NAME: TABLE } }),
    );
  });
});

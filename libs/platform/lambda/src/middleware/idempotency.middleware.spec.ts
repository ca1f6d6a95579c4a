import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@harbor/shared-kernel';
import { randomUUID } from 'node:crypto';
import { httpHandler } from '../http/http-handler';
import { createObservability } from '../observability/observability';
import { jsonBodyOf, jsonRequest, lambdaContext } from '../testing/lambda-fixtures';
import { PlaceOrderBody } from '../../test/route-schemas';

// Runs against the DynamoDB Local of this project's jest globalSetup (AWS_ENDPOINT_URL_DYNAMODB).
const TABLE = `harbor-${process.env.HARBOR_ENV}-platform-lambda-idempotency`;

class OutOfStock extends DomainError {
  readonly code = 'ORDER.OUT_OF_STOCK';
  readonly kind = 'unprocessable' as const;
}

const observability = createObservability('orders');
let runs = 0;
let failNext = false;
/** When set, runs wait until it opens: a request in progress. */
let gate: { opened: Promise<void>; open: () => void } | undefined;
function closedGate(): NonNullable<typeof gate> {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const placeOrder = httpHandler(
  { observability, bodySchema: PlaceOrderBody, idempotency: true },
  async ({ body, caller }) => {
    runs += 1;
    if (failNext) {
      failNext = false;
      throw new OutOfStock('SKU-1 is out of stock');
    }
    await gate?.opened;
    return {
      statusCode: 201,
      body: { orderId: randomUUID(), customerId: caller.customerId, lines: body.lines },
      headers: { location: '/orders/x' },
    };
  },
);

const order = { lines: [{ sku: 'SKU-1', quantity: 2 }] };
const request = (key: string | undefined, body: unknown = order, sub = 'customer-1') =>
  jsonRequest(body, { headers: key === undefined ? {} : { 'Idempotency-Key': key }, claims: { sub } });

describe('httpHandler idempotency (DynamoDB Local)', () => {
  beforeAll(async () => {
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
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
  beforeEach(() => {
    runs = 0;
    gate = undefined;
    failNext = false;
  });

  it('runs the function once for the same key and answers both requests identically', async () => {
    const key = randomUUID();
    const first = await placeOrder(request(key), lambdaContext());
    const second = await placeOrder(request(key), lambdaContext());
    expect(first.statusCode).toBe(201);
    expect(runs).toBe(1);
    expect(second).toEqual(first);
  });

  it('treats the same JSON with other spacing and key order as the same request', async () => {
    const key = randomUUID();
    const first = await placeOrder(request(key), lambdaContext());
    const reordered = jsonRequest(undefined, { headers: { 'Idempotency-Key': key } });
    reordered.body = '{ "lines": [ { "quantity": 2, "sku": "SKU-1" } ] }';
    expect(await placeOrder(reordered, lambdaContext())).toEqual(first);
    expect(runs).toBe(1);
  });

  it('answers 422 when the key comes back with a different body, and still replays the original', async () => {
    const key = randomUUID();
    const original = await placeOrder(request(key), lambdaContext());
    const reused = await placeOrder(request(key, { lines: [{ sku: 'SKU-1', quantity: 3 }] }), lambdaContext());
    expect(reused.statusCode).toBe(422);
    expect(reused.headers?.['content-type']).toBe('application/problem+json');
    expect(jsonBodyOf(reused)).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', status: 422 });
    // The rejected request must not have erased the original's record.
    expect(await placeOrder(request(key), lambdaContext())).toEqual(original);
    expect(runs).toBe(1);
  });

  it('answers 409 while a request with the same key is in progress', async () => {
    const key = randomUUID();
    gate = closedGate();
    const first = placeOrder(request(key), lambdaContext());
    while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const concurrent = await placeOrder(request(key), lambdaContext());
    // The rejected duplicate must not have erased the in-progress record: a third is turned away too.
    const third = await placeOrder(request(key), lambdaContext());
    gate.open();
    expect(concurrent.statusCode).toBe(409);
    expect(third.statusCode).toBe(409);
    expect(jsonBodyOf(concurrent)).toMatchObject({ code: 'IDEMPOTENCY.REQUEST_IN_PROGRESS' });
    expect((await first).statusCode).toBe(201);
    expect(runs).toBe(1);
  });

  it('keys by caller: the same key from another customer is another request', async () => {
    const key = randomUUID();
    const mine = await placeOrder(request(key, order, 'customer-1'), lambdaContext());
    const theirs = await placeOrder(request(key, order, 'customer-2'), lambdaContext());
    expect(runs).toBe(2);
    expect(jsonBodyOf(theirs).customerId).toBe('customer-2');
    expect(jsonBodyOf(mine).customerId).toBe('customer-1');
  });

  it('does not remember a failed request, so a retry runs again', async () => {
    const key = randomUUID();
    failNext = true;
    const failed = await placeOrder(request(key), lambdaContext());
    expect(failed.statusCode).toBe(422);
    expect(jsonBodyOf(failed).code).toBe('ORDER.OUT_OF_STOCK');
    const retried = await placeOrder(request(key), lambdaContext());
    expect(retried.statusCode).toBe(201);
    expect(runs).toBe(2);
  });

  it('answers 400 without the Idempotency-Key header', async () => {
    const response = await placeOrder(request(undefined), lambdaContext());
    expect(response.statusCode).toBe(400);
    expect(jsonBodyOf(response)).toMatchObject({
      code: 'IDEMPOTENCY.KEY_MISSING',
      errors: [{ field: 'idempotency-key' }],
    });
    expect(runs).toBe(0);
  });
});

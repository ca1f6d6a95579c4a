import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { join } from 'node:path';
import { readConfig } from './config';
import { putOnSale } from '../test/support/local-cloud-under-test';
import { startLocalCloud, type RunningLocalCloud } from './start-local-cloud';

/** Drives the local cloud over HTTP exactly as a client and the production SDK clients would. */
const workspaceRoot = join(__dirname, '..', '..', '..');
let cloud: RunningLocalCloud;
const functionLogs: string[] = [];

beforeAll(async () => {
  const env = {
    HARBOR_REST_PORT: '0',
    HARBOR_HTTP_API_PORT: '0',
    HARBOR_WEBSOCKET_PORT: '0',
    HARBOR_AWS_PORT: '0',
    HARBOR_DYNAMODB_PORT: '0',
    HARBOR_HOT_RELOAD: 'false',
    HARBOR_ENV: 'e2e',
  };
  cloud = await startLocalCloud(readConfig(['--in-memory'], env, workspaceRoot), {
    workspaceRoot,
    log: (functionId, line) => functionLogs.push(`${functionId} ${line}`),
  });
  await putOnSale(cloud, ['SKU-1']);
}, 60_000);

afterAll(() => cloud?.close());

async function tokenFor(sub: string): Promise<string> {
  const response = await fetch(`${cloud.endpoints.aws}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const order = { currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2 }] };

function placeOrder(token: string | undefined, body: string, headers: Record<string, string> = {}) {
  return fetch(`${cloud.endpoints.restApi}/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `key-${Math.random()}`,
      ...(token ? { authorization: token } : {}),
      ...headers,
    },
    body,
  });
}

describe('the local cloud, end to end', () => {
  it('serves the OpenID configuration its tokens are checked against', async () => {
    const response = await fetch(`${cloud.endpoints.aws}/_local/.well-known/openid-configuration`);
    expect(await response.json()).toMatchObject({ issuer: `${cloud.endpoints.aws}/_local` });
  });

  it('never serves a Cognito-protected route without a valid token', async () => {
    const none = await placeOrder(undefined, JSON.stringify(order));
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ message: 'Unauthorized' });
    const forged = await placeOrder('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', JSON.stringify(order));
    expect(forged.status).toBe(401);
  });

  it('prices orders from the catalog: a new price reaches orders through the bus, a client price is refused', async () => {
    const sku = `REPRICE-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await putOnSale(cloud, [sku], { EUR: 1250 });
    await putOnSale(cloud, [sku], { EUR: 990, USD: 1099 });
    const carol = await tokenFor(`carol-${sku}`);
    const placed = await placeOrder(carol, JSON.stringify({ currency: 'USD', lines: [{ sku, quantity: 3 }] }));
    expect(placed.status).toBe(201);
    expect(await placed.json()).toMatchObject({
      lines: [{ sku, quantity: 3, unitPrice: { amountMinor: 1099, currency: 'USD' } }],
      total: { amountMinor: 3297 },
    });
    const tampered = await placeOrder(
      carol,
      JSON.stringify({
        currency: 'EUR',
        lines: [{ sku, quantity: 3, unitPrice: { amountMinor: 0, currency: 'EUR' } }],
      }),
    );
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({ errors: [{ field: 'lines[0].unitPrice' }] });
    const unknown = await placeOrder(
      carol,
      JSON.stringify({ currency: 'EUR', lines: [{ sku: `${sku}-X`, quantity: 1 }] }),
    );
    expect(unknown.status).toBe(422);
  });

  it('places an order through API Gateway, Lambda and DynamoDB, and only its owner can read it', async () => {
    const alice = await tokenFor('alice');
    const placed = await placeOrder(alice, JSON.stringify(order), { 'x-correlation-id': 'e2e-place-1' });
    expect(placed.status).toBe(201);
    const body = (await placed.json()) as { orderId: string; status: string; total: { amountMinor: number } };
    expect(body).toMatchObject({
      customerId: 'alice',
      status: 'PENDING',
      total: { amountMinor: 2500, currency: 'EUR' },
    });

    const read = await fetch(`${cloud.endpoints.restApi}/orders/${body.orderId}`, {
      headers: { authorization: alice },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(body);

    const viaStage = await fetch(`${cloud.endpoints.restApi}/e2e/orders/${body.orderId}`, {
      headers: { authorization: alice },
    });
    expect(viaStage.status).toBe(200);

    const bob = await tokenFor('bob');
    const stranger = await fetch(`${cloud.endpoints.restApi}/orders/${body.orderId}`, {
      headers: { authorization: bob },
    });
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');

    const trace = await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=e2e-place-1`);
    const { hops } = (await trace.json()) as { hops: { kind: string; name: string }[] };
    expect(hops.map((hop) => hop.kind)).toEqual(expect.arrayContaining(['http', 'invoke']));
    expect(hops.find((hop) => hop.kind === 'invoke')?.name).toBe('orders.placeOrder');
  }, 30_000);

  it('relays OrderPlaced from the outbox to EventBridge exactly once, through the table stream, and marks it published', async () => {
    type TraceHop = { kind: string; name: string; status: string; detail?: Record<string, unknown> };
    const hopsOf = async (correlationId: string) =>
      (
        (await (await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=${correlationId}`)).json()) as {
          hops: TraceHop[];
        }
      ).hops;
    const alice = await tokenFor('alice');
    const placed = await placeOrder(alice, JSON.stringify(order), { 'x-correlation-id': 'e2e-outbox-1' });
    expect(placed.status).toBe(201);
    const { orderId } = (await placed.json()) as { orderId: string };

    // The relay's stream and invoke hops are recorded when its invocation ends, after its own put-events.
    const deadline = Date.now() + 15_000;
    const relayed = (hops: TraceHop[]) =>
      ['put-events', 'publish', 'stream'].every((kind) => hops.some((hop) => hop.kind === kind)) &&
      hops.some((hop) => hop.kind === 'invoke' && hop.name === 'orders.publishOutbox');
    while (!relayed(await hopsOf('e2e-outbox-1')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show, before counting
    const hops = await hopsOf('e2e-outbox-1');
    // The saga goes on under the same correlation id (inventory answers, orders reacts): count OrderPlaced alone.
    const published = hops.filter((hop) => hop.kind === 'put-events' && hop.detail?.['detailType'] === 'OrderPlaced');
    expect(published).toEqual([
      expect.objectContaining({
        name: 'harbor-e2e-events',
        status: 'ok',
        detail: expect.objectContaining({ source: 'harbor.orders', detailType: 'OrderPlaced' }),
      }),
    ]);
    expect(hops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'stream', name: 'harbor-e2e-orders → orders.publishOutbox', status: 'ok' }),
        expect.objectContaining({ kind: 'invoke', name: 'orders.publishOutbox', status: 'ok' }),
      ]),
    );

    const dynamodb = new DynamoDBClient({
      endpoint: cloud.endpoints.dynamodb,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { Items } = await dynamodb.send(
      new QueryCommand({
        TableName: 'harbor-e2e-orders',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `ORDER#${orderId}` } },
      }),
    );
    dynamodb.destroy();
    // Version 1 is the placement; later versions belong to the saga's next steps, which may or may not have run yet.
    const outbox = Items?.filter((item) => item['sk']?.S?.startsWith('OUTBOX#0000000001#'));
    // The PENDING status change is its own outbox record, relayed to the order-status topic (once) instead of the bus.
    const publishedRecord = (eventType: string) =>
      expect.objectContaining({
        eventType: { S: eventType },
        publishedAt: { S: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      });
    expect(outbox).toHaveLength(2);
    expect(outbox).toEqual(
      expect.arrayContaining([publishedRecord('OrderPlaced'), publishedRecord('OrderStatusChanged')]),
    );
    expect(hops.filter((hop) => hop.kind === 'publish')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'harbor-e2e-order-status', status: 'ok' })]),
    );

    const dlq = (await (await fetch(`${cloud.endpoints.aws}/_local/dlq`)).json()) as {
      queues: { name: string; messages: unknown[] }[];
    };
    expect(dlq.queues).toEqual(expect.arrayContaining([{ name: 'harbor-e2e-orders-outbox-relay-dlq', messages: [] }]));
  }, 30_000);

  it('answers bad input with problem+json from the function', async () => {
    const alice = await tokenFor('alice');
    const malformed = await placeOrder(alice, '{"lines": [');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const missingKey = await fetch(`${cloud.endpoints.restApi}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: alice },
      body: JSON.stringify(order),
    });
    expect(missingKey.status).toBe(400);
  }, 30_000);

  it("answers an unknown resource with API Gateway's own 403", async () => {
    const response = await fetch(`${cloud.endpoints.restApi}/nowhere`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('speaks the SNS and EventBridge wire protocols to the production SDK clients', async () => {
    const common = {
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    const sns = new SNSClient(common);
    await expect(
      sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:000000000000:nope', Message: 'x' })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
    const events = new EventBridgeClient(common);
    const put = await events.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'harbor-e2e-events', Source: 'harbor.e2e', DetailType: 'Probe', Detail: '{"a":1}' }],
      }),
    );
    expect(put.FailedEntryCount).toBe(0);
    expect(put.Entries?.[0].EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers TestEventPattern with the matcher the declared rules route with (API_TestEventPattern.html)', async () => {
    const events = new EventBridgeClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const pattern = cloud.services
      .flatMap((service) => Object.values(service.events.rules))
      .find((rule) => JSON.stringify(rule.eventPattern).includes('OrderPlaced'))?.eventPattern;
    expect(pattern).toBeDefined();
    const event = (source: string) =>
      JSON.stringify({
        id: '1',
        account: '000000000000',
        source,
        time: '2026-12-07T12:00:00Z',
        region: 'eu-west-1',
        resources: [],
        'detail-type': 'OrderPlaced',
        detail: {},
      });
    const answer = async (source: string) =>
      (await events.send(new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: event(source) })))
        .Result;
    expect(await answer('harbor.orders')).toBe(true);
    expect(await answer('harbor.elsewhere')).toBe(false);
    await expect(
      events.send(
        new TestEventPatternCommand({ EventPattern: '{"source":"harbor.orders"}', Event: event('harbor.orders') }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidEventPatternException' });
    events.destroy();
  });

  it('refuses an AWS request it does not emulate, naming it', async () => {
    const response = await fetch(cloud.endpoints.aws, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSStepFunctions.StartExecution' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('AWSStepFunctions.StartExecution');
  });
});

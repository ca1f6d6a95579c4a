import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  eventually,
  localToken,
  placeOrderAs,
  putOnSale,
  signedAwsFetch,
  startLocalCloudForTests,
} from '../test/support/local-cloud-under-test';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * Fault injection on the local cloud, driven over HTTP as a reliability test drives it: faults set through
 * PUT /_local/faults, orders placed through the REST API, dead letters read and redriven through /_local/dlq,
 * and the consumers' tables read to prove each effect happened exactly once.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
// Generous: each consumer's first event bundles and cold-starts it, on a machine busy with other runs.
const EVENTUALLY_MS = 60_000;
jest.setTimeout(120_000);
let cloud: RunningLocalCloud;
let tables: DynamoDBDocumentClient;

/** On a machine busy with other runs DynamoDB Local's JVM can miss its 30 s start window: try again, twice. */
async function startPatiently(): Promise<RunningLocalCloud> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startLocalCloudForTests(workspaceRoot, () => undefined);
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error && /did not answer .* within/.test(error.message))) throw error;
    }
  }
}

beforeAll(async () => {
  cloud = await startPatiently();
  tables = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: cloud.endpoints.dynamodb,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}, 300_000);
afterEach(async () => {
  if (cloud)
    await fetch(`${cloud.endpoints.aws}/_local/faults`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    });
});
afterAll(async () => {
  tables?.destroy();
  await cloud?.close();
});

type Snapshot = {
  config: Record<string, unknown>;
  seed: number;
  injected: Record<string, Record<string, number>>;
  total: number;
};
type Queue = { name: string; messages: { id: string; target: string; error: { errorType: string } }[] };

async function putFaults(config: unknown): Promise<Response> {
  return fetch(`${cloud.endpoints.aws}/_local/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
}
const faults = async (): Promise<Snapshot> =>
  (await (await fetch(`${cloud.endpoints.aws}/_local/faults`)).json()) as Snapshot;
const queue = async (name: string): Promise<Queue> =>
  ((await (await fetch(`${cloud.endpoints.aws}/_local/dlq`)).json()) as { queues: Queue[] }).queues.find(
    (candidate) => candidate.name === name,
  )!;

async function setStock(sku: string, available: number): Promise<void> {
  await putOnSale(cloud, [sku]);
  const admin = await localToken(cloud, { sub: 'faults-admin', scopes: ['inventory/admin'] });
  const response = await fetch(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ available }),
  });
  expect(response.status).toBe(200);
}

async function stockOf(sku: string): Promise<{ available: number; reserved: number }> {
  const admin = await localToken(cloud, { sub: 'faults-admin', scopes: ['inventory/admin'] });
  const response = await fetch(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  return (await response.json()) as { available: number; reserved: number };
}

async function placeOrder(sku: string, quantity = 1): Promise<{ orderId: string; token: string }> {
  const token = await localToken(cloud, { sub: `faults-customer-${randomUUID()}` });
  const { orderId } = await placeOrderAs(cloud, token, [{ sku, quantity }]);
  return { orderId, token };
}

async function statusOf(order: { orderId: string; token: string }): Promise<string> {
  const response = await fetch(`${cloud.endpoints.restApi}/orders/${order.orderId}`, {
    headers: { authorization: order.token },
  });
  return ((await response.json()) as { status: string }).status;
}

async function notificationsOf(orderId: string): Promise<string[]> {
  const { Items } = await tables.send(
    new ScanCommand({
      TableName: 'harbor-e2e-notifications',
      FilterExpression: 'orderId = :orderId',
      ExpressionAttributeValues: { ':orderId': orderId },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => String(item['kind'])).sort();
}

const newSku = () => `FLT-${randomBytes(4).toString('hex').toUpperCase()}`;

describe('/_local/faults', () => {
  it('refuses a configuration it cannot run with a problem naming each wrong field, and keeps the previous one', async () => {
    expect((await putFaults({ functions: [{ match: 'orders.*', fault: 'error', probability: 0.5 }] })).status).toBe(
      200,
    );

    const refused = await putFaults({
      functions: [{ fault: 'explode', probability: 2 }],
      tables: [{ firstAttempts: 1, probability: 1 }],
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await refused.json()) as { status: number; code: string; problems: string[] };
    expect(problem.code).toBe('FAULTS.INVALID_CONFIG');
    expect(problem.problems.join('\n')).toMatch(/functions\.0\.fault/);
    expect(problem.problems.join('\n')).toMatch(/functions\.0\.probability/);
    expect(problem.problems.join('\n')).toMatch(/tables\.0: give exactly one of probability/);
    expect(
      (
        await fetch(`${cloud.endpoints.aws}/_local/faults`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{not json',
        })
      ).status,
    ).toBe(400);
    expect((await faults()).config['functions']).toEqual([{ match: 'orders.*', fault: 'error', probability: 0.5 }]);

    const cleared = (await (
      await fetch(`${cloud.endpoints.aws}/_local/faults`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
      })
    ).json()) as Snapshot;
    expect(cleared.config['functions']).toEqual([]);
    expect(cleared.total).toBe(0);
  });

  it('a consumer that always throws exhausts its retries into its DLQ; cleared and redriven, it delivers exactly once', async () => {
    const dlq = 'harbor-e2e-notifications-order-confirmed-dlq';
    expect(
      (
        await putFaults({
          functions: [{ match: 'notifications.notifyOrderConfirmed', fault: 'error', probability: 1 }],
        })
      ).status,
    ).toBe(200);
    const sku = newSku();
    await setStock(sku, 5);
    const order = await placeOrder(sku);

    const letter = await eventually(async () => {
      const found = (await queue(dlq)).messages.find((message) => message.target === 'notifications-order-confirmed');
      expect(found?.error.errorType).toBe('InjectedFault');
      return found!;
    }, EVENTUALLY_MS);
    expect(await statusOf(order)).toBe('CONFIRMED');
    expect(await notificationsOf(order.orderId)).toEqual([]);
    // Lambda's async retries: the first attempt and two more.
    expect((await faults()).injected['functions']?.['notifications.notifyOrderConfirmed']).toBe(3);

    await fetch(`${cloud.endpoints.aws}/_local/faults`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    });
    const redrive = await fetch(`${cloud.endpoints.aws}/_local/dlq/${dlq}/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(redrive.status).toBe(200);
    const badEscape = await fetch(`${cloud.endpoints.aws}/_local/dlq/%E0%A4%A/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(badEscape.status).toBe(400); // a queue name that is not percent-encoded UTF-8 is the caller's error
    await cloud.whenIdle();
    expect((await queue(dlq)).messages.map((message) => message.id)).not.toContain(letter.id);
    await eventually(
      async () => expect(await notificationsOf(order.orderId)).toEqual(['ORDER_CONFIRMED']),
      EVENTUALLY_MS,
    );
  });

  it('duplicate and reorder mode: events arrive 2-3 times in random order, and every consumer still ends as with one delivery', async () => {
    const seeded = await putFaults({ seed: 42, delivery: { duplicates: { min: 2, max: 3 }, reorder: true } });
    expect(seeded.status).toBe(200);
    const sku = newSku();
    await setStock(sku, 10);
    const placed = await Promise.all([placeOrder(sku, 1), placeOrder(sku, 2), placeOrder(sku, 3)]);

    for (const order of placed)
      await eventually(async () => expect(await statusOf(order)).toBe('CONFIRMED'), EVENTUALLY_MS);
    await eventually(async () => {
      for (const order of placed) expect(await notificationsOf(order.orderId)).toEqual(['ORDER_CONFIRMED']);
    }, EVENTUALLY_MS);
    await cloud.whenIdle();
    // Each order reserved its quantity once, however many copies of OrderPlaced inventory received.
    expect(await stockOf(sku)).toMatchObject({ available: 4, reserved: 6 });
    for (const order of placed) expect(await notificationsOf(order.orderId)).toEqual(['ORDER_CONFIRMED']);
    const { injected, seed } = await faults();
    expect(seed).toBe(42);
    const duplicates = Object.values(injected['duplicates'] ?? {}).reduce((sum, count) => sum + count, 0);
    // Every delivery got at least one extra copy: 3 OrderPlaced, 3 stock outcomes, and the status changes.
    expect(duplicates).toBeGreaterThanOrEqual(6);
    expect(injected['duplicates']?.['eventbridge:reserve-stock-on-order-placed']).toBeGreaterThanOrEqual(3);
  });

  it("a table throttled for its first 2 calls answers DynamoDB's throttling error, which the SDK retries to success", async () => {
    await cloud.whenIdle(); // no other call may meet the two throttles meant for this one
    expect((await putFaults({ tables: [{ match: 'harbor-e2e-orders', firstAttempts: 2 }] })).status).toBe(200);
    const client = new DynamoDBClient({
      endpoint: cloud.endpoints.aws,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const output = await client.send(
        new PutItemCommand({
          TableName: 'harbor-e2e-orders',
          Item: { pk: { S: `THROTTLE#${randomUUID()}` }, sk: { S: 'PROBE' } },
        }),
      );
      expect(output.$metadata.attempts).toBe(3);
      expect(output.$metadata.totalRetryDelay).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
    expect((await faults()).injected['tables']).toEqual({ 'harbor-e2e-orders': 2 });

    // The wire answer, as DynamoDB sends it.
    expect(
      (await putFaults({ tables: [{ match: 'harbor-e2e-*', error: 'ThrottlingException', probability: 1 }] })).status,
    ).toBe(200);
    const raw = await signedAwsFetch(
      cloud,
      'dynamodb',
      { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      JSON.stringify({ TableName: 'harbor-e2e-inventory', Key: { pk: { S: 'x' }, sk: { S: 'y' } } }),
    );
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    });
  });

  it('an order placed while the orders table is throttled for its first calls still completes', async () => {
    expect((await putFaults({ tables: [{ match: 'harbor-e2e-orders', firstAttempts: 2 }] })).status).toBe(200);
    const sku = newSku();
    await setStock(sku, 1);
    const order = await placeOrder(sku);
    await eventually(async () => expect(await statusOf(order)).toBe('CONFIRMED'), EVENTUALLY_MS);
    expect((await faults()).injected['tables']?.['harbor-e2e-orders']).toBe(2);
  });
});

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { findWorkspaceRoot, loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  eventually,
  localToken,
  placeOrderAs,
  putOnSale,
  startLocalCloudForTests,
} from '../test/support/local-cloud-under-test';
import { connectWs, type WsClient } from '../test/support/ws-client';
import { DEFAULT_LOCAL_API_KEY } from './config';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * The whole story of issue 6, driven as clients drive it: two customers race for the last unit of a SKU, the
 * winner watches its order go PENDING → CONFIRMED on its WebSocket and pays through the signed webhook; the
 * loser cannot cancel a rejected order; a cancelled order gives its stock back once, even when OrderCancelled
 * reaches inventory twice; and one order's trace shows every hop from the HTTP call to the WebSocket push.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
const orders = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).find(
  (service) => service.name === 'orders',
)!;
const webhookSecret = orders.secrets['payment-webhook']!.localValue;
const sdkOptions = () => ({
  endpoint: cloud.endpoints.aws,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
// Generous: the first event of each consumer bundles and cold-starts it, on a machine busy with other runs.
const EVENTUALLY_MS = 30_000;

let cloud: RunningLocalCloud;
const functionLogs: string[] = [];
const sockets: WsClient[] = [];

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, (functionId, line) =>
    functionLogs.push(`${functionId} ${line}`),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await cloud?.close();
});

type Hop = {
  id: number;
  kind: string;
  name: string;
  status: string;
  startedAt: string;
  durationMs: number;
  detail?: Record<string, unknown>;
};
type Order = { orderId: string; status: string; total: { amountMinor: number; currency: string } };
type Customer = { customerId: string; token: string; socket: WsClient };

const newSku = () => `STORY-${randomBytes(4).toString('hex').toUpperCase()}`;

async function adminRequest(
  method: 'GET' | 'PUT',
  sku: string,
  body?: unknown,
): Promise<{ sku: string; available: number; reserved: number }> {
  const admin = await localToken(cloud, { sub: 'story-admin', scopes: ['inventory/admin'] });
  const response = await fetch(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { sku: string; available: number; reserved: number };
}
const setStock = async (sku: string, available: number) => {
  await putOnSale(cloud, [sku]);
  return adminRequest('PUT', sku, { available });
};
const stockOf = (sku: string) => adminRequest('GET', sku);

async function connectedCustomer(name: string): Promise<Customer> {
  const customerId = `story-${name}-${randomUUID()}`;
  const token = await localToken(cloud, { sub: customerId });
  const socket = await connectWs(
    `${cloud.endpoints.websocketApis['notifications']}?token=${encodeURIComponent(token)}`,
  );
  sockets.push(socket);
  return { customerId, token, socket };
}

async function placeOrder(customer: Customer, sku: string, quantity: number, correlationId: string): Promise<Order> {
  return placeOrderAs<Order>(cloud, customer.token, [{ sku, quantity }], correlationId);
}

const cancel = (customer: Customer, orderId: string, correlationId: string = randomUUID()) =>
  fetch(`${cloud.endpoints.restApi}/orders/${orderId}/cancel`, {
    method: 'POST',
    headers: { authorization: customer.token, 'x-correlation-id': correlationId },
  });

async function statusOf(customer: Customer, orderId: string): Promise<string> {
  const response = await fetch(`${cloud.endpoints.restApi}/orders/${orderId}`, {
    headers: { authorization: customer.token },
  });
  return ((await response.json()) as { status: string }).status;
}

/** The next message on a socket, or a failure naming what was awaited (instead of Jest's bare timeout). */
async function nextMessage(socket: WsClient, awaited: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no WebSocket message within ${EVENTUALLY_MS} ms: ${awaited}`)),
      EVENTUALLY_MS,
    );
  });
  try {
    return await Promise.race([socket.nextJson(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The provider's signature headers: the body's SHA-256, and an HMAC over timestamp and digest. */
function signed(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const digest = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = createHmac('sha256', webhookSecret).update(`${timestamp}.${digest}`).digest('hex');
  return {
    'x-harbor-timestamp': timestamp,
    'x-harbor-content-sha256': digest,
    'x-harbor-signature': `v1=${signature}`,
  };
}

/** A trace's hops in the order they started (the recorder appends each hop when it ends). */
async function hopsOf(correlationId: string): Promise<Hop[]> {
  const response = await fetch(
    `${cloud.endpoints.aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`,
  );
  const { hops } = (await response.json()) as { hops: Hop[] };
  const endOf = (hop: Hop) => Date.parse(hop.startedAt) + hop.durationMs;
  // Started together: the enclosing hop (a delivery around its invocation) ends last, or is recorded last, and comes first.
  return [...hops].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || endOf(b) - endOf(a) || b.id - a.id);
}

/** The OrderCancelled envelope exactly as the orders outbox published it (same eventId), to deliver it again. */
async function publishedOrderCancelled(orderId: string): Promise<string> {
  const dynamodb = new DynamoDBClient({ ...sdkOptions(), endpoint: cloud.endpoints.dynamodb });
  try {
    const { Items } = await dynamodb.send(
      new QueryCommand({
        TableName: 'harbor-e2e-orders',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `ORDER#${orderId}` } },
        ConsistentRead: true,
      }),
    );
    const record = Items?.find(
      (item) => item['sk']?.S?.startsWith('OUTBOX#') && item['eventType']?.S === 'OrderCancelled',
    );
    expect(record?.['publishedAt']?.S).toBeDefined();
    return record!['envelope']!.S!;
  } finally {
    dynamodb.destroy();
  }
}

// One step of the expected chain: a hop kind and, where it tells the hops apart, its name.
type Step = readonly [kind: string, name?: RegExp];
const ORDER_JOURNEY: readonly Step[] = [
  ['http', /^POST \/orders$/],
  ['invoke', /^orders\.placeOrder$/],
  ['dynamodb', /^TransactWriteItems .*-orders$/],
  ['stream', /-orders → orders\.publishOutbox$/],
  ['put-events', /-events$/],
  ['delivery', /^reserve-stock-on-order-placed$/],
  ['invoke', /^inventory\.reserveStock$/],
  ['dynamodb', /^TransactWriteItems .*-inventory$/],
  ['stream', /-inventory → inventory\.publishOutbox$/],
  ['put-events', /-events$/],
  ['delivery', /^stock-outcome$/],
  ['invoke', /^orders\.confirmOrRejectOrder$/],
  ['dynamodb', /^TransactWriteItems .*-orders$/],
  ['stream', /-orders → orders\.publishOutbox$/],
  ['publish', /-order-status$/],
  ['delivery', /^notifications-order-status-push$/],
  ['invoke', /^notifications\.pushOrderStatus$/],
  ['websocket', /^POST @connections$/],
];

/**
 * The hops that make up `steps`, each the first unused matching hop that started no earlier than the previous one;
 * throws on a gap. Start times have millisecond resolution, so a hop that started in the same millisecond as the
 * previous step (a put-events and the delivery it hands off) may be listed before it: compare times, not positions.
 */
function journeyThrough(hops: readonly Hop[], steps: readonly Step[]): Hop[] {
  const found: Hop[] = [];
  const used = new Set<number>();
  let notBefore = Number.NEGATIVE_INFINITY;
  for (const [kind, name] of steps) {
    const index = hops.findIndex(
      (hop, i) =>
        !used.has(i) &&
        Date.parse(hop.startedAt) >= notBefore &&
        hop.kind === kind &&
        (name === undefined || name.test(hop.name)),
    );
    if (index === -1)
      throw new Error(
        `no ${kind} ${name ?? ''} hop after ${found.at(-1)?.name ?? 'the start'}; the trace: ${hops.map((hop) => `${hop.startedAt.slice(17)} ${hop.kind} ${hop.name}`).join(' | ')}`,
      );
    found.push(hops[index]);
    used.add(index);
    notBefore = Date.parse(hops[index].startedAt);
  }
  return found;
}

describe('the order story on the local cloud', () => {
  it('sells the last unit once, confirms it live, takes the payment, and refuses to cancel the loser', async () => {
    const sku = newSku();
    await setStock(sku, 1);
    const [ann, ben] = await Promise.all([connectedCustomer('ann'), connectedCustomer('ben')]);
    const correlationIds = new Map([
      [ann, `story-ann-${randomUUID()}`],
      [ben, `story-ben-${randomUUID()}`],
    ]);

    const [annOrder, benOrder] = await Promise.all([
      placeOrder(ann, sku, 1, correlationIds.get(ann)!),
      placeOrder(ben, sku, 1, correlationIds.get(ben)!),
    ]);

    const settled = async (customer: Customer, order: Order) =>
      eventually(async () => {
        const status = await statusOf(customer, order.orderId);
        expect(['CONFIRMED', 'REJECTED']).toContain(status);
        return status;
      }, EVENTUALLY_MS);
    const [annStatus, benStatus] = await Promise.all([settled(ann, annOrder), settled(ben, benOrder)]);
    expect([annStatus, benStatus].sort()).toEqual(['CONFIRMED', 'REJECTED']);
    const [winner, winning, loser, losing] =
      annStatus === 'CONFIRMED' ? [ann, annOrder, ben, benOrder] : [ben, benOrder, ann, annOrder];
    expect(await stockOf(sku)).toEqual({ sku, available: 0, reserved: 1 });

    // Each customer's socket saw its own order's statuses, in order.
    expect(await nextMessage(winner.socket, 'PENDING')).toEqual({
      type: 'order.status',
      orderId: winning.orderId,
      status: 'PENDING',
    });
    expect(await nextMessage(winner.socket, 'CONFIRMED')).toEqual({
      type: 'order.status',
      orderId: winning.orderId,
      status: 'CONFIRMED',
    });
    expect(await nextMessage(loser.socket, 'PENDING')).toEqual({
      type: 'order.status',
      orderId: losing.orderId,
      status: 'PENDING',
    });
    expect(await nextMessage(loser.socket, 'REJECTED')).toEqual({
      type: 'order.status',
      orderId: losing.orderId,
      status: 'REJECTED',
    });

    // The provider's signed PaymentSucceeded goes API Gateway → SNS → orders: the order is PAID.
    const payment = JSON.stringify({
      notificationId: randomUUID(),
      eventType: 'PaymentSucceeded',
      paymentId: `pay_${randomUUID()}`,
      orderId: winning.orderId,
      amount: winning.total,
      occurredAt: new Date().toISOString(),
    });
    const webhook = await fetch(`${cloud.endpoints.restApi}/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(payment) },
      body: payment,
    });
    expect(webhook.status).toBe(200);
    expect(await webhook.json()).toEqual({ messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await eventually(async () => expect(await statusOf(winner, winning.orderId)).toBe('PAID'), EVENTUALLY_MS);
    expect(await nextMessage(winner.socket, 'PAID')).toEqual({
      type: 'order.status',
      orderId: winning.orderId,
      status: 'PAID',
    });

    const refused = await cancel(loser, losing.orderId);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 409 });
    expect(await statusOf(loser, losing.orderId)).toBe('REJECTED');
    expect(await stockOf(sku)).toEqual({ sku, available: 0, reserved: 1 });

    // The winning order's trace: every hop from the HTTP call to the WebSocket push, in order, each with its timing.
    const journey = journeyThrough(await hopsOf(correlationIds.get(winner)!), ORDER_JOURNEY);
    for (const hop of journey) {
      expect(hop).toMatchObject({
        status: 'ok',
        durationMs: expect.any(Number),
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(hop.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(
      journey.find((hop) => hop.kind === 'put-events' && hop.detail?.['detailType'] === 'StockReserved'),
    ).toBeDefined();
    expect(journey.find((hop) => hop.kind === 'put-events')?.detail).toMatchObject({
      source: 'harbor.orders',
      detailType: 'OrderPlaced',
    });
  }, 180_000);

  it('gives a cancelled order’s stock back exactly once, even when OrderCancelled is delivered twice', async () => {
    const sku = newSku();
    await setStock(sku, 3);
    const customer = await connectedCustomer('cid');
    const order = await placeOrder(customer, sku, 2, `story-cancel-${randomUUID()}`);
    await eventually(async () => expect(await statusOf(customer, order.orderId)).toBe('CONFIRMED'), EVENTUALLY_MS);
    expect(await stockOf(sku)).toEqual({ sku, available: 1, reserved: 2 });

    const cancelCorrelationId = `story-cancelled-${randomUUID()}`;
    const cancelled = await cancel(customer, order.orderId, cancelCorrelationId);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ orderId: order.orderId, status: 'CANCELLED' });
    await eventually(async () => expect(await stockOf(sku)).toEqual({ sku, available: 3, reserved: 0 }), EVENTUALLY_MS);

    // The same event (same eventId) again, as an at-least-once bus may deliver it.
    const envelope = await publishedOrderCancelled(order.orderId);
    const events = new EventBridgeClient(sdkOptions());
    const put = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'harbor-e2e-events',
            Source: 'harbor.orders',
            DetailType: 'OrderCancelled',
            Detail: envelope,
          },
        ],
      }),
    );
    events.destroy();
    expect(put.FailedEntryCount).toBe(0);

    const releaseDeliveries = async () =>
      (await hopsOf(cancelCorrelationId)).filter(
        (hop) => hop.kind === 'delivery' && hop.name === 'release-stock-on-order-cancelled',
      );
    await eventually(async () => expect(await releaseDeliveries()).toHaveLength(2), EVENTUALLY_MS);
    await cloud.whenIdle();
    expect((await releaseDeliveries()).map((hop) => hop.status)).toEqual(['ok', 'ok']);
    expect(await stockOf(sku)).toEqual({ sku, available: 3, reserved: 0 });
    // Inventory handled both deliveries, and gave the stock back on the first only.
    const outcomes = functionLogs
      .filter(
        (line) =>
          line.startsWith('inventory.releaseStock') &&
          line.includes('OrderCancelled handled') &&
          line.includes(order.orderId),
      )
      .map((line) => /"outcome":"([\w-]+)"/.exec(line)?.[1]);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toBe('released');
    expect(outcomes[1]).not.toBe('released');
  }, 180_000);
});

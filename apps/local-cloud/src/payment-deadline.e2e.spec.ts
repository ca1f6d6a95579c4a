import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
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
 * Issue 16's payment deadline, driven as clients drive it, on a clock 300 times faster (the declared 15 minutes
 * take 3 s): a confirmed order nobody pays expires at its deadline through EventBridge Scheduler, its stock comes
 * back once, the customer's WebSocket sees EXPIRED, and a payment arriving afterwards is recorded and refunded.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
const orders = loadServiceDefinitions(workspaceRoot, { checkHandlerFiles: false }).find(
  (service) => service.name === 'orders',
)!;
const webhookSecret = orders.secrets['payment-webhook']!.localValue;
const SPEED = 300;
const GROUP = 'harbor-e2e-orders-payment-deadline';
// Generous: the first event of each consumer bundles and cold-starts it, on a machine busy with other runs.
const EVENTUALLY_MS = 30_000;
const sdkOptions = () => ({
  endpoint: cloud.endpoints.aws,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

let cloud: RunningLocalCloud;
const functionLogs: string[] = [];
let socket: WsClient | undefined;

beforeAll(async () => {
  const log = (functionId: string, line: string) => functionLogs.push(`${functionId} ${line}`);
  cloud = await startLocalCloudForTests(workspaceRoot, log, ['--scheduler-speed', String(SPEED)]);
}, 60_000);
afterAll(async () => {
  await socket?.close();
  await cloud?.close();
});

async function stock(
  method: 'GET' | 'PUT',
  sku: string,
  body?: unknown,
): Promise<{ sku: string; available: number; reserved: number }> {
  const admin = await localToken(cloud, { sub: 'deadline-admin', scopes: ['inventory/admin'] });
  const response = await fetch(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { sku: string; available: number; reserved: number };
}

async function nextMessage(client: WsClient, awaited: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no WebSocket message within ${EVENTUALLY_MS} ms: ${awaited}`)),
      EVENTUALLY_MS,
    );
  });
  try {
    return await Promise.race([client.nextJson(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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

async function outboxOf(orderId: string) {
  const dynamodb = new DynamoDBClient({ ...sdkOptions(), endpoint: cloud.endpoints.dynamodb });
  try {
    const query = {
      TableName: 'harbor-e2e-orders',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `ORDER#${orderId}` } },
    };
    const { Items } = await dynamodb.send(new QueryCommand({ ...query, ConsistentRead: true }));
    return (Items ?? [])
      .filter((item) => item['sk']?.S?.startsWith('OUTBOX#'))
      .map((item) => ({
        eventType: item['eventType']?.S,
        published: item['publishedAt']?.S !== undefined,
        envelope: item['envelope']?.S,
      }));
  } finally {
    dynamodb.destroy();
  }
}

describe('payment deadline, end to end', () => {
  it('expires an unpaid order at its deadline, releases its stock once, and refunds a payment that comes after', async () => {
    const sku = `DEADLINE-${randomBytes(4).toString('hex').toUpperCase()}`;
    await putOnSale(cloud, [sku]);
    await stock('PUT', sku, { available: 2 });
    const customerId = `deadline-${randomUUID()}`;
    const token = await localToken(cloud, { sub: customerId });
    socket = await connectWs(`${cloud.endpoints.websocketApis['notifications']}?token=${encodeURIComponent(token)}`);
    const statusOf = async (orderId: string) => {
      const response = await fetch(`${cloud.endpoints.restApi}/orders/${orderId}`, {
        headers: { authorization: token },
      });
      return ((await response.json()) as { status: string }).status;
    };

    const { orderId, total } = await placeOrderAs<{
      orderId: string;
      total: { amountMinor: number; currency: string };
    }>(cloud, token, [{ sku, quantity: 2 }]);
    expect(await nextMessage(socket, 'PENDING')).toEqual({ type: 'order.status', orderId, status: 'PENDING' });
    expect(await nextMessage(socket, 'CONFIRMED')).toEqual({ type: 'order.status', orderId, status: 'CONFIRMED' });
    expect(await stock('GET', sku)).toEqual({ sku, available: 0, reserved: 2 });

    // The confirmation set a one-time schedule in the declared group, due a window (15 minutes) after its creation.
    const scheduleName = `order-${orderId}`;
    const firingsOf = () => cloud.firings.filter((entry) => entry.schedule === `${GROUP}/${scheduleName}`);
    const scheduler = new SchedulerClient(sdkOptions());
    const deadline = await scheduler.send(new GetScheduleCommand({ Name: scheduleName, GroupName: GROUP })).then(
      (output) => output,
      (error: Error) => error,
    );
    scheduler.destroy();
    if (deadline instanceof Error) {
      // On a slow machine it may have fired (and deleted itself) before the question: then it did fire.
      expect(deadline.name).toBe('ResourceNotFoundException');
      expect(firingsOf()).toHaveLength(1);
    } else {
      expect(deadline).toMatchObject({
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: expect.stringMatching(/:function:harbor-e2e-orders-expireOrder$/) },
      });
      const dueAt = Date.parse(`${/^at\((.+)\)$/.exec(deadline.ScheduleExpression ?? '')?.[1] ?? ''}Z`);
      const windowMs = orders.schedules['payment-deadline']!.windowSeconds * 1000;
      expect(dueAt - (deadline.CreationDate?.getTime() ?? 0)).toBeGreaterThanOrEqual(windowMs - 1000);
    }

    // Nobody pays: at the deadline the order expires and the customer sees it.
    expect(await nextMessage(socket, 'EXPIRED')).toEqual({ type: 'order.status', orderId, status: 'EXPIRED' });
    expect(await statusOf(orderId)).toBe('EXPIRED');
    const [firing, ...again] = firingsOf();
    expect(again).toEqual([]);
    expect(firing!.firedAtMs).toBeGreaterThanOrEqual(firing!.dueAtMs - 1);

    // Inventory gets OrderExpired and gives the stock back, once.
    await eventually(
      async () => expect(await stock('GET', sku)).toEqual({ sku, available: 2, reserved: 0 }),
      EVENTUALLY_MS,
    );
    const released = () =>
      functionLogs.filter(
        (line) =>
          line.startsWith('inventory.releaseStock') && line.includes('OrderExpired handled') && line.includes(orderId),
      );
    await eventually(async () => expect(released()).toHaveLength(1), EVENTUALLY_MS);
    expect(released()[0]).toContain('"outcome":"released"');

    // The payment arrives late: the order stays EXPIRED, the payment is recorded and its refund asked for.
    const paymentId = `pay_${randomUUID()}`;
    const occurredAt = new Date().toISOString();
    const payment = JSON.stringify({
      notificationId: randomUUID(),
      eventType: 'PaymentSucceeded',
      paymentId,
      orderId,
      amount: total,
      occurredAt,
    });
    const webhook = await fetch(`${cloud.endpoints.restApi}/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEFAULT_LOCAL_API_KEY, ...signed(payment) },
      body: payment,
    });
    expect(webhook.status).toBe(200);
    const refunds = async () =>
      (await outboxOf(orderId)).filter((record) => record.eventType === 'PaymentRefundRequired' && record.published);
    await eventually(async () => expect(await refunds()).toHaveLength(1), EVENTUALLY_MS);
    const refund = (await outboxOf(orderId)).find((record) => record.eventType === 'PaymentRefundRequired')!;
    expect(JSON.parse(refund.envelope ?? '{}')).toMatchObject({
      version: 1,
      payload: { orderId, paymentId, amount: total, orderStatus: 'EXPIRED' },
    });
    expect(await statusOf(orderId)).toBe('EXPIRED');
    expect((await outboxOf(orderId)).map((record) => record.eventType)).not.toContain('OrderPaid');
    // Several consumers cold-start (their bundles built on first use) on a machine shared with other runs.
  }, 120_000);
});

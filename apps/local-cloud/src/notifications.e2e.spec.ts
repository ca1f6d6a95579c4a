import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  eventually,
  localToken,
  placeOrderAs,
  putOnSale,
  startLocalCloudForTests,
} from '../test/support/local-cloud-under-test';
import { connectWs, type WsClient } from '../test/support/ws-client';
import type { RunningLocalCloud } from './start-local-cloud';

/**
 * The notifications service on the local cloud, driven as clients drive it: stock set through inventory's HTTP
 * API, an order placed through the REST API, and the customer's WebSocket (token minted by POST /_local/token)
 * receiving each status change the order goes through. The order-status subscribers' filter policies decide
 * which orders become large-order notifications.
 */
const workspaceRoot = findWorkspaceRoot(__dirname);
let cloud: RunningLocalCloud;
let table: DynamoDBDocumentClient;
const sockets: WsClient[] = [];

beforeAll(async () => {
  cloud = await startLocalCloudForTests(workspaceRoot, () => undefined);
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: cloud.endpoints.dynamodb,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  table?.destroy();
  await cloud?.close();
});

const newSku = () => `NTF-${randomBytes(4).toString('hex').toUpperCase()}`;

async function setStock(sku: string, available: number): Promise<void> {
  const admin = await localToken(cloud, { sub: 'stock-admin', scopes: ['inventory/admin'] });
  const response = await fetch(`${cloud.endpoints.httpApi}/inventory/items/${sku}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ available }),
  });
  expect(response.status).toBe(200);
}

/** Puts the SKU on sale at this price (EUR, minor units), then orders one of it. */
async function placeOrder(
  token: string,
  sku: string,
  unitPriceMinor: number,
): Promise<{ orderId: string; correlationId: string }> {
  await putOnSale(cloud, [sku], { EUR: unitPriceMinor });
  const correlationId = `e2e-notify-${randomUUID()}`;
  const { orderId } = await placeOrderAs(cloud, token, [{ sku, quantity: 1 }], correlationId);
  return { orderId, correlationId };
}

/** A customer with a token and an open WebSocket on the notifications API. */
async function connectedCustomer(): Promise<{ customerId: string; token: string; socket: WsClient }> {
  const customerId = `e2e-watcher-${randomUUID()}`;
  const token = await localToken(cloud, { sub: customerId });
  const socket = await connectWs(
    `${cloud.endpoints.websocketApis['notifications']}?token=${encodeURIComponent(token)}`,
  );
  sockets.push(socket);
  return { customerId, token, socket };
}

const NOTIFICATIONS_TABLE = 'harbor-e2e-notifications';

/** A connection record whose socket API Gateway no longer has (its $disconnect never ran): @connections answers 410. */
async function storeStaleConnection(customerId: string): Promise<string> {
  const connectionId = `stale-${randomUUID()}=`;
  const connectedAt = new Date(Date.now() - 60_000).toISOString();
  await table.send(
    new PutCommand({
      TableName: NOTIFICATIONS_TABLE,
      Item: {
        pk: `CONNECTION#${connectionId}`,
        sk: 'CONNECTION',
        gsi1pk: `CUSTOMER#${customerId}`,
        gsi1sk: `${connectedAt}#${connectionId}`,
        connectionId,
        customerId,
        connectedAt,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      },
    }),
  );
  return connectionId;
}

const storedConnection = async (connectionId: string) =>
  (
    await table.send(
      new GetCommand({
        TableName: NOTIFICATIONS_TABLE,
        Key: { pk: `CONNECTION#${connectionId}`, sk: 'CONNECTION' },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** The next message, or a failure naming what was awaited (instead of Jest's bare timeout). */
async function nextMessage(socket: WsClient, awaited: string, timeoutMs = 25_000): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no WebSocket message within ${timeoutMs} ms: ${awaited}`)), timeoutMs);
  });
  try {
    return await Promise.race([socket.nextJson(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const notificationsOf = async (orderId: string): Promise<{ kind: string; status?: string }[]> => {
  const { Items } = await table.send(
    new ScanCommand({
      TableName: NOTIFICATIONS_TABLE,
      FilterExpression: 'orderId = :orderId',
      ExpressionAttributeValues: { ':orderId': orderId },
      ConsistentRead: true,
    }),
  );
  return (Items ?? [])
    .map((item) => ({ kind: String(item['kind']), status: item['status'] as string | undefined }))
    .sort((a, b) => `${a.kind}${a.status}`.localeCompare(`${b.kind}${b.status}`));
};

type Hop = {
  kind: string;
  name: string;
  detail?: { deliveredTo?: string[]; filteredOut?: { subscription: string }[] };
};
/** The order-status publishes of one request's trace, with the subscriptions each reached and each filtered out. */
async function statusPublishesOf(correlationId: string) {
  const { hops } = (await (
    await fetch(`${cloud.endpoints.aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`)
  ).json()) as { hops: Hop[] };
  return hops
    .filter((hop) => hop.kind === 'publish' && hop.name === 'harbor-e2e-order-status')
    .map((hop) => ({
      deliveredTo: [...(hop.detail?.deliveredTo ?? [])].sort(),
      filteredOut: (hop.detail?.filteredOut ?? []).map((entry) => entry.subscription).sort(),
    }));
}

describe('notifications on the local cloud', () => {
  it('refuses a WebSocket without a token the local issuer signed (401)', async () => {
    const url = cloud.endpoints.websocketApis['notifications']!;
    await expect(connectWs(url)).rejects.toThrow('HTTP 401');
    const token = await localToken(cloud, { sub: 'mallory' });
    await expect(connectWs(`${url}?token=${token.slice(0, -6)}AAAAAA`)).rejects.toThrow('HTTP 401');
  });

  it('pushes PENDING then CONFIRMED to the customer’s WebSocket, drops a stale connection; a small order is no large order', async () => {
    const sku = newSku();
    await setStock(sku, 5);
    const { customerId, token, socket } = await connectedCustomer();
    const stale = await storeStaleConnection(customerId);

    const { orderId, correlationId } = await placeOrder(token, sku, 1250);

    expect(await nextMessage(socket, 'PENDING')).toEqual({ type: 'order.status', orderId, status: 'PENDING' });
    expect(await nextMessage(socket, 'CONFIRMED')).toEqual({ type: 'order.status', orderId, status: 'CONFIRMED' });
    // The first push got 410 GoneException for the stale connection and removed it.
    expect(await storedConnection(stale)).toBeUndefined();
    await eventually(
      async () => expect(await notificationsOf(orderId)).toEqual([{ kind: 'ORDER_CONFIRMED', status: 'CONFIRMED' }]),
      10_000,
    );
    await cloud.whenIdle();
    expect(await notificationsOf(orderId)).toEqual([{ kind: 'ORDER_CONFIRMED', status: 'CONFIRMED' }]);
    // The large-orders filter (totalMinor >= 100000) held back both status changes of this 12.50 EUR order.
    expect(await statusPublishesOf(correlationId)).toEqual([
      {
        deliveredTo: ['notifications-order-status-push'],
        filteredOut: ['notifications-large-orders', 'notifications-order-confirmed'],
      },
      {
        deliveredTo: ['notifications-order-confirmed', 'notifications-order-status-push'],
        filteredOut: ['notifications-large-orders'],
      },
    ]);
  }, 60_000);

  it('records a large-order notification for each status change of an order of 1,000.00', async () => {
    const sku = newSku();
    await setStock(sku, 5);
    const { token, socket } = await connectedCustomer();

    const { orderId, correlationId } = await placeOrder(token, sku, 100_000);

    expect(await nextMessage(socket, 'PENDING')).toEqual({ type: 'order.status', orderId, status: 'PENDING' });
    expect(await nextMessage(socket, 'CONFIRMED')).toEqual({ type: 'order.status', orderId, status: 'CONFIRMED' });
    await eventually(async () => expect((await notificationsOf(orderId)).length).toBe(3), 10_000);
    expect(await notificationsOf(orderId)).toEqual([
      { kind: 'LARGE_ORDER', status: 'CONFIRMED' },
      { kind: 'LARGE_ORDER', status: 'PENDING' },
      { kind: 'ORDER_CONFIRMED', status: 'CONFIRMED' },
    ]);
    expect((await statusPublishesOf(correlationId)).map((publish) => publish.deliveredTo)).toEqual([
      ['notifications-large-orders', 'notifications-order-status-push'],
      ['notifications-large-orders', 'notifications-order-confirmed', 'notifications-order-status-push'],
    ]);
  }, 60_000);
});

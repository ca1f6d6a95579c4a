// The full order flow on the local cloud, end to end as clients see it: customers place orders over the REST API
// and watch each one reach CONFIRMED on the notifications WebSocket (POST /orders → transactional outbox → stream
// → EventBridge → inventory reserves → its outbox → EventBridge → orders confirms → SNS → WebSocket push).
// Side by side, on the same DynamoDB Local: raw PutItem throughput of an order-sized item, the ceiling.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { parse } from 'yaml';
import { endpointNamed, startLocalCloudProcess } from '../lib/local-cloud-process.mjs';
import { markdownTable, percentile, round } from '../lib/report.mjs';
import { putOnSale } from '../../scripts/demo/catalog.mjs';
import { localAccess } from '../../scripts/demo/local-access.mjs';

const PRICE = { amountMinor: 1250, currency: 'EUR' };
// How many open orders one customer may hold (apps/orders/api/functions.yaml): more from one customer answer 409.
const MAX_OPEN_ORDERS = Number(
  parse(readFileSync(new URL('../../../apps/orders/api/functions.yaml', import.meta.url), 'utf8')).functions.placeOrder
    .environment.MAX_OPEN_ORDERS_PER_CUSTOMER,
);

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
}

async function token(endpoints, claims) {
  const { status, json, text } = await postJson(`${endpointNamed(endpoints, 'AWS endpoint')}/_local/token`, claims);
  if (status !== 200) throw new Error(`POST /_local/token answered ${status}: ${text}`);
  return json.token;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; `task` gets its worker's number. */
async function pool(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async (_, worker) => {
      while (next < count) await task(next++, worker);
    }),
  );
}

/** One WebSocket per customer; every order.status message is stamped with the moment it arrived. */
function connectCustomer(url, onStatus) {
  return new Promise((ok, fail) => {
    const socket = new WebSocket(url);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString('utf8'));
      if (message.type === 'order.status') onStatus(message.orderId, message.status, performance.now());
    });
    socket.once('unexpected-response', (_request, response) =>
      fail(new Error(`WebSocket handshake answered HTTP ${response.statusCode}`)),
    );
    socket.once('error', fail);
    socket.once('open', () => ok(socket));
  });
}

function createOrderWatch() {
  const settled = new Map(); // orderId → { status, at }
  const waiters = new Map(); // orderId → resolve
  return {
    onStatus(orderId, status, at) {
      if (status !== 'CONFIRMED' && status !== 'REJECTED') return;
      settled.set(orderId, { status, at });
      waiters.get(orderId)?.();
    },
    /** Resolves with { status, at } once the order settled, or { status: 'TIMEOUT' }. */
    settledOf(orderId, timeoutMs) {
      if (settled.has(orderId)) return Promise.resolve(settled.get(orderId));
      return new Promise((ok) => {
        const timer = setTimeout(() => ok({ status: 'TIMEOUT' }), timeoutMs);
        waiters.set(orderId, () => {
          clearTimeout(timer);
          ok(settled.get(orderId));
        });
      });
    },
  };
}

async function orderFlow(endpoints, { orders, concurrency, sequential, timeoutMs }) {
  const rest = endpoints['REST API'];
  const httpApi = endpoints['HTTP API'];
  const admin = await token(endpoints, { sub: 'bench-admin', scopes: ['inventory/admin'] });
  // One SKU per order, priced in the catalog and stocked up front (not timed): the figure is throughput, not
  // contention on one item.
  const warmups = concurrency;
  const skus = Array.from({ length: orders + warmups + sequential }, (_, i) => `BENCH-${i}`);
  const asAdmin = { 'content-type': 'application/json', authorization: `Bearer ${admin}` };
  // The catalog as the demo drives it: each PUT waits until orders holds the price.
  const catalog = localAccess({
    aws: endpointNamed(endpoints, 'AWS endpoint'),
    dynamodb: endpoints['DynamoDB Local'],
    name: 'bench',
  });
  await pool(skus.length, concurrency, async (i) => {
    await putOnSale({ catalogApi: httpApi }, catalog, skus[i], { [PRICE.currency]: PRICE.amountMinor }, 120_000);
    const stocked = await fetch(`${httpApi}/inventory/items/${skus[i]}`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify({ available: 10 }),
    });
    if (stocked.status !== 200)
      throw new Error(`PUT /inventory/items/${skus[i]} answered ${stocked.status}: ${await stocked.text()}`);
  });

  const watch = createOrderWatch();
  // Orders stay CONFIRMED (open), so each customer places at most MAX_OPEN_ORDERS: enough customers, connected up
  // front (not timed), handed out in turn.
  const customers = await Promise.all(
    Array.from({ length: Math.ceil(skus.length / MAX_OPEN_ORDERS) + concurrency }, async (_, i) => {
      const customerToken = await token(endpoints, { sub: `bench-customer-${i}-${randomUUID()}` });
      const socket = await connectCustomer(
        `${endpoints['notifications']}?token=${encodeURIComponent(customerToken)}`,
        watch.onStatus,
      );
      return { token: customerToken, socket };
    }),
  );
  let ordersHandedOut = 0;
  const nextCustomer = () => customers[Math.floor(ordersHandedOut++ / MAX_OPEN_ORDERS)];
  const place = async (sku, customer) => {
    const sentAt = performance.now();
    const { status, json, text } = await postJson(
      `${rest}/orders`,
      { currency: PRICE.currency, lines: [{ sku, quantity: 1 }] },
      { authorization: customer.token, 'idempotency-key': randomUUID() },
    );
    if (status !== 201) throw new Error(`POST /orders answered ${status}: ${text}`);
    return { orderId: json.orderId, sentAt, answeredAt: performance.now() };
  };

  try {
    // Warm-up: one order per customer to CONFIRMED, so every function in the chain has had its cold start.
    await pool(warmups, concurrency, async (i) => {
      const { orderId } = await place(skus[orders + i], nextCustomer());
      await watch.settledOf(orderId, timeoutMs);
    });

    // One order at a time: the chain's own latency, with no backlog in front of the order.
    const alone = [];
    for (let i = 0; i < sequential; i += 1) {
      const { orderId, sentAt } = await place(skus[orders + warmups + i], nextCustomer());
      const outcome = await watch.settledOf(orderId, timeoutMs);
      if (outcome.status === 'CONFIRMED') alone.push(outcome.at - sentAt);
    }

    const placed = [];
    await pool(orders, concurrency, async (i) => {
      placed.push(await place(skus[i], nextCustomer()));
    });
    const outcomes = await Promise.all(
      placed.map(async (order) => ({ ...order, ...(await watch.settledOf(order.orderId, timeoutMs)) })),
    );
    const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED');
    const firstSent = Math.min(...placed.map((o) => o.sentAt));
    const lastAnswered = Math.max(...placed.map((o) => o.answeredAt));
    const lastConfirmed = Math.max(...confirmed.map((o) => o.at));
    const toConfirmed = confirmed.map((o) => o.at - o.sentAt);
    return {
      orders,
      concurrency,
      confirmed: confirmed.length,
      notConfirmed: outcomes.filter((o) => o.status !== 'CONFIRMED').map((o) => `${o.orderId}: ${o.status}`),
      acceptedPerSecond: round(orders / ((lastAnswered - firstSent) / 1000)),
      confirmedPerSecond: confirmed.length === 0 ? 0 : round(confirmed.length / ((lastConfirmed - firstSent) / 1000)),
      p50ToConfirmedMs: round(percentile(toConfirmed, 50)),
      p99ToConfirmedMs: round(percentile(toConfirmed, 99)),
      p50PostMs: round(
        percentile(
          placed.map((o) => o.answeredAt - o.sentAt),
          50,
        ),
      ),
      sequential,
      p50AloneToConfirmedMs: round(percentile(alone, 50)),
    };
  } finally {
    for (const { socket } of customers) socket.terminate();
  }
}

/** PutItem of an item shaped like a stored order, `concurrency` in flight, for `seconds`. */
async function dynamoDbCeiling(endpoint, { concurrency, seconds }) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const item = (id) => ({
    pk: { S: `BENCH#${id}` },
    sk: { S: 'ORDER' },
    gsi1pk: { S: 'CUSTOMER#bench' },
    gsi1sk: { S: `${new Date().toISOString()}#${id}` },
    orderId: { S: id },
    customerId: { S: 'bench' },
    status: { S: 'PENDING' },
    lines: {
      L: [
        {
          M: {
            sku: { S: 'BENCH-0' },
            quantity: { N: '1' },
            unitPrice: { M: { amountMinor: { N: String(PRICE.amountMinor) }, currency: { S: PRICE.currency } } },
          },
        },
      ],
    },
    createdAt: { S: new Date().toISOString() },
    updatedAt: { S: new Date().toISOString() },
    version: { N: '1' },
  });
  const putFor = async (ms) => {
    const latencies = [];
    const startedAt = performance.now();
    const until = startedAt + ms;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const sentAt = performance.now();
          await client.send(new PutItemCommand({ TableName: 'harbor-bench-orders', Item: item(randomUUID()) }));
          latencies.push(performance.now() - sentAt);
        }
      }),
    );
    return { latencies, elapsed: (performance.now() - startedAt) / 1000 };
  };
  let measured;
  try {
    await putFor(1000); // warm-up: the SDK's connections and the JVM's JIT, not counted
    measured = await putFor(seconds * 1000);
  } finally {
    client.destroy();
  }
  const { latencies, elapsed } = measured;
  return {
    puts: latencies.length,
    putsPerSecond: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** Starts the local cloud (in memory, free ports), runs the order flow, then the DynamoDB ceiling on its DynamoDB Local. */
export async function benchFlow({
  orders = 200,
  concurrency = 20,
  sequential = 5,
  ceilingSeconds = 5,
  timeoutMs = 180_000,
} = {}) {
  const cloud = await startLocalCloudProcess();
  try {
    const flow = await orderFlow(cloud.endpoints, { orders, concurrency, sequential, timeoutMs });
    const ceiling = await dynamoDbCeiling(cloud.endpoints['DynamoDB Local'], { concurrency, seconds: ceilingSeconds });
    return { flow, ceiling, ratioToCeiling: round(flow.confirmedPerSecond / ceiling.putsPerSecond, 3) };
  } finally {
    await cloud.stop();
  }
}

export function flowTable({ flow, ceiling, ratioToCeiling }) {
  const notes =
    flow.notConfirmed.length > 0
      ? `\n\nnot confirmed: ${flow.notConfirmed.slice(0, 5).join(', ')}${flow.notConfirmed.length > 5 ? ', …' : ''}`
      : '';
  return `${flow.orders} orders, ${flow.concurrency} in flight\n\n${markdownTable(
    ['measure', 'per second', '× ceiling', 'p50 ms', 'p99 ms', 'count'],
    [
      [
        'orders placed → CONFIRMED on the WebSocket (end to end)',
        flow.confirmedPerSecond,
        ratioToCeiling,
        flow.p50ToConfirmedMs,
        flow.p99ToConfirmedMs,
        `${flow.confirmed}/${flow.orders}`,
      ],
      [
        `one order at a time → CONFIRMED (median of ${flow.sequential}, no backlog)`,
        '',
        '',
        flow.p50AloneToConfirmedMs,
        '',
        flow.sequential,
      ],
      [
        'POST /orders answered 201',
        flow.acceptedPerSecond,
        round(flow.acceptedPerSecond / ceiling.putsPerSecond, 3),
        flow.p50PostMs,
        '',
        flow.orders,
      ],
      [
        'DynamoDB Local PutItem of an order item (ceiling)',
        ceiling.putsPerSecond,
        1,
        ceiling.p50Ms,
        ceiling.p99Ms,
        ceiling.puts,
      ],
    ],
  )}${notes}`;
}

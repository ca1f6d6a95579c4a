import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventually,
  inParallel,
  customersFor,
  newSku,
  placeOrder,
  request,
  scanTable,
  seedStock,
  sleep,
  stockOf,
  waitUntilSettled,
  type Customer,
} from './support/clients';
import { recordFigures } from './support/figures';
import { START_TIMEOUT_MS, physicalName, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * Faults survived. Phase 1: while orders are placed, consumers throw, time out and are throttled, the order-status
 * topic and the stock-outcome rule fail deliveries, the inventory table throttles and the orders outbox relay dies
 * mid-batch. Every layer retries with its backoff; what still fails lands in a dead-letter queue. Faults cleared and
 * every DLQ redriven, every order completes with exactly one notification. Phase 2: the program is killed (SIGKILL)
 * right after accepting orders and restarted on the same data dir: the data is there, and the stream mappings and
 * accepted deliveries carry on, so these orders complete too, nothing lost and nothing doubled. Phase 3: a dead letter
 * made before another kill is still in its queue after the restart, and its redrive completes the order.
 */
const FAULTED_ORDERS = 16;
const KILLED_ORDERS = 12;
const STOCK = 400;

let cloud: ReliabilityCloud;
beforeAll(async () => {
  cloud = await startReliabilityCloud();
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

interface FaultSnapshot {
  readonly total: number;
  readonly injected: Record<string, Record<string, number>>;
}
interface Queue {
  readonly name: string;
  readonly messages: readonly { readonly target: string; readonly error: { readonly errorType: string } }[];
}
interface Placed {
  readonly orderId: string;
  readonly customer: Customer;
  readonly sku: string;
  readonly quantity: number;
}

const faultsUrl = () => `${cloud.endpoints.aws}/_local/faults`;
async function faultsNow(): Promise<FaultSnapshot> {
  const answer = await request<FaultSnapshot>(faultsUrl());
  if (!answer.json) throw new Error(`GET /_local/faults answered ${answer.status}: ${answer.text}`);
  return answer.json;
}
async function queues(): Promise<Queue[]> {
  const answer = await request<{ queues: Queue[] }>(`${cloud.endpoints.aws}/_local/dlq`);
  if (!answer.json) throw new Error(`GET /_local/dlq answered ${answer.status}: ${answer.text}`);
  return answer.json.queues;
}
const lettersIn = (all: readonly Queue[]) => all.reduce((total, queue) => total + queue.messages.length, 0);

async function placeAll(count: number, skus: readonly string[]): Promise<Placed[]> {
  const customers = await customersFor(cloud, count, 'faulty');
  return inParallel(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const sku = skus[i % skus.length] as string;
      const customer = customers[i % customers.length] as Customer;
      const quantity = 1 + (i % 2);
      const answer = await placeOrder(cloud, customer, [{ sku, quantity }]);
      expect(answer.status).toBe(201);
      return { orderId: answer.json?.orderId ?? '', customer, sku, quantity };
    },
  );
}

/** Waits until a reading stops changing between two looks `intervalMs` apart (retries and backoffs have run out). */
async function waitUntilSteady(read: () => Promise<string>, intervalMs = 2000): Promise<void> {
  let last = await read();
  for (;;) {
    await sleep(intervalMs);
    const now = await read();
    if (now === last) return;
    last = now;
  }
}

/** Orders lost (not confirmed, no notification, stock not reserved) and doubled (two notifications, stock reserved twice). */
async function lostAndDoubled(orders: readonly Placed[], skus: readonly string[]) {
  const statuses = await waitUntilSettled(cloud, orders, { timeoutMs: 20_000 });
  const notifications = (await scanTable(cloud, 'notifications')).filter((item) => item['orderId']?.S !== undefined);
  const perOrder = new Map<string, number>();
  for (const item of notifications) {
    const orderId = item['orderId']?.S ?? '';
    perOrder.set(orderId, (perOrder.get(orderId) ?? 0) + 1);
  }
  const stock = await Promise.all(skus.map((sku) => stockOf(cloud, sku)));
  const expected = skus.map((sku) =>
    orders.filter((order) => order.sku === sku).reduce((total, order) => total + order.quantity, 0),
  );
  const lost =
    orders.filter((order) => statuses.get(order.orderId) !== 'CONFIRMED' || (perOrder.get(order.orderId) ?? 0) === 0)
      .length + stock.reduce((total, item, i) => total + Math.max(0, (expected[i] ?? 0) - item.reserved), 0);
  const doubled =
    orders.filter((order) => (perOrder.get(order.orderId) ?? 0) > 1).length +
    stock.reduce((total, item, i) => total + Math.max(0, item.reserved - (expected[i] ?? 0)), 0);
  return { lost, doubled, stock, expected, perOrder };
}

describe('faults survived', () => {
  const skus = [newSku('FAULT'), newSku('FAULT')];
  const placed: Placed[] = [];
  let faultsInjected = 0;
  let redriven = 0;

  it('retries every fault with backoff, dead-letters what still fails, and completes every order once redriven', async () => {
    await Promise.all(skus.map((sku) => seedStock(cloud, sku, STOCK)));
    const faults = {
      seed: 1207,
      functions: [
        { match: 'notifications.notifyOrderConfirmed', fault: 'error', probability: 1 },
        { match: 'inventory.reserveStock', fault: 'timeout', probability: 0.3 },
        { match: 'orders.confirmOrRejectOrder', fault: 'throttle', firstAttempts: 6 },
      ],
      topics: [{ match: physicalName(cloud, 'order-status'), probability: 0.3 }],
      rules: [{ match: 'stock-outcome', probability: 0.3 }],
      tables: [{ match: physicalName(cloud, 'inventory'), probability: 0.2 }],
      streams: [{ match: 'orders.publishOutbox', dropAfterRecords: 1, firstAttempts: 3 }],
    };
    const set = await request(faultsUrl(), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    expect(set.status).toBe(200);

    placed.push(...(await placeAll(FAULTED_ORDERS, skus)));
    // notifyOrderConfirmed always throws: once Lambda's retries are spent, each confirmation is a dead letter.
    const notifyLetters = async () =>
      (await queues()).find((queue) => queue.name === physicalName(cloud, 'notifications-order-confirmed-dlq'))
        ?.messages.length ?? 0;
    await eventually(async () => expect(await notifyLetters()).toBeGreaterThan(FAULTED_ORDERS / 2), 60_000);
    // Then every other retry and backoff runs out: no new fault and no new dead letter between two looks.
    await waitUntilSteady(async () => `${(await faultsNow()).total}/${lettersIn(await queues())}`);
    const letters = lettersIn(await queues());
    const snapshot = await faultsNow();
    faultsInjected = snapshot.total;
    for (const kind of ['functions', 'topics', 'rules', 'tables', 'streams'])
      expect(Object.keys(snapshot.injected[kind] ?? {}).length).toBeGreaterThan(0);
    // Lambda's async retries: 3 attempts for each confirmation that became a dead letter.
    expect(snapshot.injected['functions']?.['notifications.notifyOrderConfirmed']).toBeGreaterThanOrEqual(
      3 * (await notifyLetters()),
    );

    expect(
      (await request(faultsUrl(), { method: 'DELETE', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(200);
    for (const queue of await queues()) {
      if (queue.messages.length === 0) continue;
      const answer = await request<{ redriven: number; failed: number }>(
        `${cloud.endpoints.aws}/_local/dlq/${encodeURIComponent(queue.name)}/redrive`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      );
      expect(answer.status).toBe(200);
      expect(answer.json?.failed).toBe(0);
      redriven += answer.json?.redriven ?? 0;
    }
    expect(redriven).toBe(letters);
    await eventually(async () => expect((await lostAndDoubled(placed, skus)).lost).toBe(0), 90_000);
    const { lost, doubled } = await lostAndDoubled(placed, skus);
    expect(lettersIn(await queues())).toBe(0);
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    recordFigures({
      promise: `faults survived: ${FAULTED_ORDERS} orders through throw/timeout/throttle, topic, rule, table and stream faults`,
      requests: FAULTED_ORDERS,
      faultsInjected,
      dlqRedriven: redriven,
      lost,
      doubled,
      notes: Object.entries(snapshot.injected)
        .filter(([kind]) => kind !== 'duplicates')
        .map(([kind, counts]) => `${kind} ${Object.values(counts).reduce((a, b) => a + b, 0)}`)
        .join(', '),
    });
  });

  it('keeps the data and resumes processing after a kill -9 mid-run and a restart on the same data dir', async () => {
    expect(placed).toHaveLength(FAULTED_ORDERS);
    const killedMidRun = await placeAll(KILLED_ORDERS, skus);
    await cloud.kill();
    await cloud.restart();

    const checkpoints = join(cloud.dataDir ?? '', 'stream-checkpoints');
    // One per stream that carried records: the orders', inventory's and the catalog's outboxes (products put on sale).
    expect(existsSync(checkpoints) && readdirSync(checkpoints).length).toBe(3);
    // The issuer keeps its signing key in the data dir: the tokens minted before the kill still work after it.
    const all = [...placed, ...killedMidRun];
    await eventually(async () => expect((await lostAndDoubled(all, skus)).lost).toBe(0), 90_000);
    // Late redeliveries (journal, stream replays) have run out: nothing arrives twice afterwards either.
    await sleep(3000);
    const { lost, doubled, stock, expected } = await lostAndDoubled(all, skus);
    expect(stock.map((item) => item.reserved)).toEqual(expected);
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    recordFigures({
      promise: `restart survived: kill -9 right after ${KILLED_ORDERS} orders were accepted, restart on the same data`,
      requests: KILLED_ORDERS,
      faultsInjected: 1,
      lost,
      doubled,
      notes: `${all.length} orders across the kill, all confirmed once; stream checkpoints resumed`,
    });
    // A restart waits for DynamoDB Local's JVM again, which takes long on a busy machine.
  }, 300_000);

  it('keeps a dead letter through a kill -9 and a restart, until a redrive delivers it', async () => {
    const faults = {
      seed: 1,
      functions: [{ match: 'notifications.notifyOrderConfirmed', fault: 'error', probability: 1 }],
    };
    expect(
      (
        await request(faultsUrl(), {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(faults),
        })
      ).status,
    ).toBe(200);
    const sku = newSku('DLQ');
    await seedStock(cloud, sku, 1);
    const [order] = await placeAll(1, [sku]);
    const queueName = physicalName(cloud, 'notifications-order-confirmed-dlq');
    const letters = async () => (await queues()).find((queue) => queue.name === queueName)?.messages ?? [];
    await eventually(async () => expect(await letters()).toHaveLength(1), 60_000);
    const before = await letters();

    await cloud.kill();
    await cloud.restart(); // without HARBOR_FAULTS: the function works again
    expect(await letters()).toEqual(before);
    const answer = await request<{ delivered: number; remaining: number }>(
      `${cloud.endpoints.aws}/_local/dlq/${encodeURIComponent(queueName)}/redrive`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    expect(answer.json).toMatchObject({ delivered: 1, remaining: 0 });
    const { lost, doubled } = await lostAndDoubled(order ? [order] : [], [sku]);
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    recordFigures({
      promise: 'dead letters survived: one kept through kill -9 and a restart, then redriven',
      requests: 1,
      faultsInjected: 1,
      dlqRedriven: 1,
      lost,
      doubled,
      notes: 'the order confirmed, its notification delivered once by the redrive',
    });
  }, 300_000);
});

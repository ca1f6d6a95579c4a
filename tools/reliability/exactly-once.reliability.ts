import {
  customersFor,
  inParallel,
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
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * Exactly-once effects under at-least-once delivery: the local cloud starts in its "duplicate and reorder" mode
 * (HARBOR_FAULTS), so every SNS and EventBridge delivery and every outbox stream batch reaches its consumer 1 to 3
 * times, in random order. The orders, inventory and notifications consumers must still end exactly as with single
 * delivery: every order confirmed once, each SKU's stock reserved once per order, one notification per order.
 */
const ORDERS = 30;
const SKUS = 3;
const STOCK = 500;
const SEED = 20261202;

let cloud: ReliabilityCloud;
beforeAll(async () => {
  const faults = { seed: SEED, delivery: { duplicates: { min: 1, max: 3 }, reorder: true } };
  cloud = await startReliabilityCloud({ env: { HARBOR_FAULTS: JSON.stringify(faults) } });
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

interface FaultSnapshot {
  readonly seed: number;
  readonly injected: Record<string, Record<string, number>>;
}
type Hop = { kind: string; status: string };

async function faultsNow(): Promise<FaultSnapshot> {
  const answer = await request<FaultSnapshot>(`${cloud.endpoints.aws}/_local/faults`);
  if (!answer.json) throw new Error(`GET /_local/faults answered ${answer.status}: ${answer.text}`);
  return answer.json;
}
const sum = (counts: Record<string, number> = {}): number =>
  Object.values(counts).reduce((total, count) => total + count, 0);

/** Successful deliveries (SNS, EventBridge) and stream invocations in one order's trace. */
async function deliveriesOf(correlationId: string): Promise<number> {
  const answer = await request<{ hops: Hop[] }>(
    `${cloud.endpoints.aws}/_local/traces?correlationId=${encodeURIComponent(correlationId)}`,
  );
  return (answer.json?.hops ?? []).filter(
    (hop) => (hop.kind === 'delivery' || hop.kind === 'stream') && hop.status === 'ok',
  ).length;
}

/** Waits until the duplicate counter stops moving: every copy, late ones included, has been delivered. */
async function waitUntilQuiet(): Promise<void> {
  let last = -1;
  for (;;) {
    const now = sum((await faultsNow()).injected['duplicates']);
    if (now === last) return;
    last = now;
    await sleep(1500);
  }
}

describe('exactly-once effects under duplicate and reordered delivery', () => {
  it('ends every consumer in the state single delivery gives, with no duplicate notification', async () => {
    expect((await faultsNow()).seed).toBe(SEED);
    const skus = Array.from({ length: SKUS }, () => newSku('ONCE'));
    await Promise.all(skus.map((sku) => seedStock(cloud, sku, STOCK)));
    const customers = await customersFor(cloud, ORDERS, 'once');
    const wanted = Array.from({ length: ORDERS }, (_, i) => ({
      sku: skus[i % SKUS] as string,
      quantity: 1 + (i % 3),
      customer: customers[i % customers.length] as Customer,
      correlationId: `once-${i}-${SEED}`,
    }));

    const placed = await inParallel(wanted, 10, async (order) => {
      const answer = await placeOrder(cloud, order.customer, [{ sku: order.sku, quantity: order.quantity }], {
        correlationId: order.correlationId,
      });
      expect(answer.status).toBe(201);
      return { ...order, orderId: answer.json?.orderId ?? '' };
    });
    // Generous: the first events bundle and cold-start each consumer, on a machine busy with other runs.
    const statuses = await waitUntilSettled(cloud, placed, { timeoutMs: 120_000 });
    await waitUntilQuiet();

    // What single delivery gives: every order confirmed, its quantity reserved once, one confirmation notification.
    const confirmed = placed.filter((order) => statuses.get(order.orderId) === 'CONFIRMED');
    const notifications = (await scanTable(cloud, 'notifications')).filter((item) => item['orderId']?.S !== undefined);
    const perOrder = new Map<string, string[]>();
    for (const item of notifications) {
      const orderId = item['orderId']?.S ?? '';
      perOrder.set(orderId, [...(perOrder.get(orderId) ?? []), item['kind']?.S ?? '?']);
    }
    const stock = await Promise.all(skus.map((sku) => stockOf(cloud, sku)));
    const expectedReserved = skus.map((sku) =>
      placed.filter((order) => order.sku === sku).reduce((total, order) => total + order.quantity, 0),
    );

    const lost =
      placed.length -
      confirmed.length +
      placed.filter((order) => (perOrder.get(order.orderId) ?? []).length === 0).length +
      stock.reduce((total, item, i) => total + Math.max(0, (expectedReserved[i] ?? 0) - item.reserved), 0);
    const doubled =
      placed.filter((order) => (perOrder.get(order.orderId) ?? []).length > 1).length +
      stock.reduce((total, item, i) => total + Math.max(0, item.reserved - (expectedReserved[i] ?? 0)), 0);
    expect(stock.map((item) => ({ available: item.available, reserved: item.reserved }))).toEqual(
      expectedReserved.map((reserved) => ({ available: STOCK - reserved, reserved })),
    );
    for (const order of placed) expect(perOrder.get(order.orderId)).toEqual(['ORDER_CONFIRMED']);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);

    const { injected } = await faultsNow();
    const duplicates = sum(injected['duplicates']);
    // Each order crosses at least 5 deliveries (outbox batch, OrderPlaced, its outbox batch, StockReserved, status
    // changes): with 1–3 copies each, a third on average is copied once and a third twice.
    expect(duplicates).toBeGreaterThan(ORDERS);
    expect(Object.keys(injected['duplicates'] ?? {}).some((target) => target.startsWith('eventbridge:'))).toBe(true);
    expect(Object.keys(injected['duplicates'] ?? {}).some((target) => target.startsWith('sns:'))).toBe(true);
    expect(Object.keys(injected['duplicates'] ?? {}).some((target) => target.startsWith('dynamodb:'))).toBe(true);
    const delivered = sum(
      Object.fromEntries(
        await Promise.all(
          placed.map(async (order) => [order.orderId, await deliveriesOf(order.correlationId)] as const),
        ),
      ),
    );

    recordFigures({
      promise: `exactly-once effects: ${ORDERS} orders, every delivery 1–3× reordered (seed ${SEED})`,
      requests: ORDERS,
      events: delivered,
      duplicatesInjected: duplicates,
      lost,
      doubled,
      notes: `${confirmed.length} confirmed, ${notifications.length} notifications, stock reserved ${stock.map((item) => item.reserved).join('/')}`,
    });
  });
});

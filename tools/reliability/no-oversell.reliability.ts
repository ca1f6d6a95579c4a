import {
  eventually,
  inParallel,
  customersFor,
  newSku,
  placeOrderCarefully,
  scanTable,
  seedStock,
  sleep,
  stockOf,
  waitUntilSettled,
  warmUp,
  type Customer,
  type Item,
  type StockItem,
} from './support/clients';
import { recordFigures } from './support/figures';
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * No oversell: 500 orders race for 2 SKUs of 100 units each (250 orders a SKU, one unit an order), 25 in flight at
 * any moment. Exactly 100 orders a SKU are confirmed, the rest rejected; stock never goes negative on the way (it is
 * sampled while the race runs); and every reservation in the inventory table belongs to a confirmed order.
 */
const SKUS = 2;
// Smaller races for a machine too busy for this one (HARBOR_OVERSELL_STOCK=10 HARBOR_OVERSELL_ORDERS_PER_SKU=25).
const STOCK = Number(process.env['HARBOR_OVERSELL_STOCK'] ?? 100);
const ORDERS_PER_SKU = Number(process.env['HARBOR_OVERSELL_ORDERS_PER_SKU'] ?? 250);
// Orders in flight at once: enough for real races on every unit, few enough that a 2-core machine answers each
// inside placeOrder's 10 s timeout (500 at once, or 50, timed many of them out there).
const IN_FLIGHT = 25;
const TEST_TIMEOUT_MS = 280_000;

let cloud: ReliabilityCloud;
beforeAll(async () => {
  cloud = await startReliabilityCloud();
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

/** Reads every SKU's stock until stopped; returns every sample taken. */
function sampleStock(skus: readonly string[]): { stop(): Promise<StockItem[]> } {
  const samples: StockItem[] = [];
  let running = true;
  const loop = (async () => {
    while (running && cloud.pid !== undefined) {
      const read = await Promise.all(skus.map((sku) => stockOf(cloud, sku))).catch(() => []);
      samples.push(...read);
      await sleep(200);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

describe('no oversell under a race for the last units', () => {
  it(
    'confirms exactly the stock of each SKU and reserves nothing for the orders it rejects',
    async () => {
      const skus = Array.from({ length: SKUS }, () => newSku('RACE'));
      await Promise.all(skus.map((sku) => seedStock(cloud, sku, STOCK)));
      // As many customers as the open-order limit needs: the race is for stock, not for a customer's place in line.
      const customers = await customersFor(cloud, ORDERS_PER_SKU * SKUS, 'racer');
      const attempts = Array.from({ length: ORDERS_PER_SKU * SKUS }, (_, i) => ({
        sku: skus[i % SKUS] as string,
        customer: customers[i % customers.length] as Customer,
      }));

      await warmUp(cloud);

      const sampler = sampleStock(skus);
      // IN_FLIGHT at once, interleaving the SKUs; a client whose call fails retries it with the same Idempotency-Key.
      let retries = 0;
      let answeredCount = 0;
      // Says how far the race got if the machine is too busy for the test's time limit.
      const progress = setTimeout(
        () =>
          console.warn(
            `no-oversell: ${answeredCount}/${attempts.length} orders answered after ${TEST_TIMEOUT_MS - 15_000} ms, ${retries} retries`,
          ),
        TEST_TIMEOUT_MS - 15_000,
      );
      const placed = await inParallel(attempts, IN_FLIGHT, async ({ sku, customer }) => {
        const outcome = await placeOrderCarefully(cloud, customer, [{ sku, quantity: 1 }]);
        retries += outcome.retries;
        answeredCount++;
        return { sku, customer, answer: outcome.answer };
      });
      clearTimeout(progress);
      expect(
        placed.filter(({ answer }) => answer.status !== 201).map(({ answer }) => `${answer.status} ${answer.text}`),
      ).toEqual([]);
      const orders = placed.map(({ sku, customer, answer }) => ({ sku, customer, orderId: answer.json!.orderId }));
      const statuses = await waitUntilSettled(cloud, orders, { timeoutMs: 150_000, concurrency: 25 });
      const samples = await sampler.stop();

      // Per SKU, from the clients' answers, the orders table, the inventory table and the admin API: exactly the stock
      // confirmed, every other order rejected, one stored order per client order (a retried call that created a second
      // order would show here), one RESERVED reservation per confirmed order, nothing left available.
      const [orderItems, inventoryItems, finalStock] = await Promise.all([
        scanTable(cloud, 'orders'),
        scanTable(cloud, 'inventory'),
        Promise.all(skus.map((sku) => stockOf(cloud, sku))),
      ]);
      const storedOrders = orderItems.filter((item) => item['sk']?.S === 'ORDER');
      const reservations = inventoryItems.filter((item) => item['sk']?.S === 'RESERVATION');
      const skusOf = (item: Item) => (item['lines']?.L ?? []).map((line) => line.M?.['sku']?.S);
      const unitsOf = (item: Item, sku: string) =>
        (item['lines']?.L ?? [])
          .filter((line) => line.M?.['sku']?.S === sku)
          .reduce((sum, line) => sum + Number(line.M?.['quantity']?.N ?? 0), 0);
      const answered = new Set(orders.map((order) => order.orderId));
      const summary = (sku: string) => {
        const tracked = orders.filter((order) => order.sku === sku).map((order) => statuses.get(order.orderId));
        const stored = storedOrders.filter((item) => skusOf(item).includes(sku));
        const reserved = reservations.filter((item) => item['status']?.S === 'RESERVED' && skusOf(item).includes(sku));
        const confirmedIds = orders
          .filter((order) => order.sku === sku && statuses.get(order.orderId) === 'CONFIRMED')
          .map((order) => order.orderId)
          .sort();
        return {
          sku,
          confirmed: tracked.filter((status) => status === 'CONFIRMED').length,
          rejected: tracked.filter((status) => status === 'REJECTED').length,
          storedOrders: stored.length,
          storedOrdersNoClientWasAnsweredFor: stored
            .filter((item) => !answered.has(item['orderId']?.S ?? ''))
            .map((item) => `${item['orderId']?.S} ${item['status']?.S}`),
          unitsReserved: reserved.reduce((sum, item) => sum + unitsOf(item, sku), 0),
          reservationsMatchConfirmedOrders:
            JSON.stringify(reserved.map((item) => item['orderId']?.S).sort()) === JSON.stringify(confirmedIds),
          stock: finalStock.find((stock) => stock.sku === sku),
        };
      };
      expect(skus.map(summary)).toEqual(
        skus.map((sku) => ({
          sku,
          confirmed: STOCK,
          rejected: ORDERS_PER_SKU - STOCK,
          storedOrders: ORDERS_PER_SKU,
          storedOrdersNoClientWasAnsweredFor: [],
          unitsReserved: STOCK,
          reservationsMatchConfirmedOrders: true,
          stock: { sku, available: 0, reserved: STOCK },
        })),
      );
      // Every order got one answer from inventory: a reservation record, reserved or rejected.
      expect(reservations.filter((item) => answered.has(item['orderId']?.S ?? '')).length).toBe(orders.length);
      // Never negative, never more reserved than there was, nothing created or lost on the way.
      expect(samples.length).toBeGreaterThan(0);
      expect(samples.filter((sample) => sample.available < 0 || sample.available + sample.reserved !== STOCK)).toEqual(
        [],
      );
      const confirmedOrderIds = orders.filter((order) => statuses.get(order.orderId) === 'CONFIRMED');
      const unitsReserved = skus.map(summary).reduce((sum, row) => sum + row.unitsReserved, 0);

      // Events the services published for the race: their outbox records (each relayed once, marked publishedAt).
      // The last ones are relayed just after the statuses they announce are stored: wait for them.
      const outbox = await eventually(
        async () => {
          const records = [...(await scanTable(cloud, 'inventory')), ...(await scanTable(cloud, 'orders'))].filter(
            (item) => item['sk']?.S?.startsWith('OUTBOX#'),
          );
          expect(
            records
              .filter((item) => item['publishedAt'] === undefined)
              .map((item) => `${item['pk']?.S} ${item['eventType']?.S}`),
          ).toEqual([]);
          return records;
        },
        60_000,
        500,
      );

      // Oversold units would be confirmed orders beyond the stock; lost ones, stock neither reserved nor available.
      const confirmed = confirmedOrderIds.length;
      recordFigures({
        promise: `no oversell: ${orders.length} orders (${IN_FLIGHT} in flight) for ${SKUS} SKUs × ${STOCK} units`,
        requests: orders.length + customers.length + skus.length,
        events: outbox.length,
        lost: SKUS * STOCK - unitsReserved,
        doubled: Math.max(0, confirmed - SKUS * STOCK),
        notes: `${retries} calls retried with the same key after a 5xx or 409; ${confirmed} confirmed, ${orders.length - confirmed} rejected; ${samples.length} stock samples during the race, min available ${Math.min(...samples.map((s) => s.available))}`,
      });
    },
    TEST_TIMEOUT_MS,
  );
});

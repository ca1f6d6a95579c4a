import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adminToken, inParallel, maxOpenOrdersPerCustomer, newCustomer, newSku, placeOrder, request, scanTable, seedStock, warmUp } from './support/clients';
import { recordFigures } from './support/figures';
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * A customer who games the shop rather than its transport. Stock hoarding: one account fires many orders at once
 * to hold stock nobody else can buy. The orders service lets one customer hold at most the declared number of open
 * (placed or confirmed, unpaid) orders; the count and the order are one DynamoDB transaction, so no race gets past it.
 */
const HOARDERS = 3;
const ORDERS_PER_HOARDER = 20;

let cloud: ReliabilityCloud;
beforeAll(async () => {
  cloud = await startReliabilityCloud({ inMemory: true });
  await warmUp(cloud);
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

describe('stock hoarding', () => {
  it(`${ORDERS_PER_HOARDER} parallel orders of one customer: exactly the open-order limit is accepted, the rest 409`, async () => {
    const limit = maxOpenOrdersPerCustomer();
    const sku = newSku('HOARD');
    await seedStock(cloud, sku, 10_000);
    const hoarders = await Promise.all(Array.from({ length: HOARDERS }, (_, i) => newCustomer(cloud, `hoarder${i}`)));
    const attempts = hoarders.flatMap((customer) => Array.from({ length: ORDERS_PER_HOARDER }, () => customer));
    const answers = await inParallel(attempts, ORDERS_PER_HOARDER, (customer) => placeOrder(cloud, customer, [{ sku, quantity: 100 }]));

    const statuses = answers.map((answer) => answer.status);
    const refusals = answers.filter((answer) => answer.status === 409);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    expect(refusals.every((answer) => (answer.json as { code?: string } | undefined)?.code === 'ORDER.OPEN_ORDER_LIMIT_REACHED')).toBe(true);
    const stored = (await scanTable(cloud, 'orders')).filter((item) => item['sk']?.S === 'ORDER');
    const perHoarder = hoarders.map((customer) => stored.filter((item) => item['customerId']?.S === customer.customerId).length);
    expect(perHoarder).toEqual(hoarders.map(() => limit));
    const acceptedPastLimit = perHoarder.reduce((sum, count) => sum + Math.max(0, count - limit), 0);
    recordFigures({
      promise: `stock hoarding: ${HOARDERS} customers × ${ORDERS_PER_HOARDER} parallel orders, at most ${limit} open each`,
      requests: answers.length,
      letThrough: acceptedPastLimit,
      lost: 0,
      doubled: 0,
      notes: `${statuses.filter((status) => status === 201).length} accepted, ${refusals.length} refused with 409`,
    });
  });
});

describe("the program's access log", () => {
  // Printed by npm start itself, read from its output here: one line per API request, Lambda's REPORT per invocation.
  it('prints each order request and each placeOrder invocation', () => {
    const output = cloud.output();
    expect(output).toMatch(/^POST \/orders (201|409) [\d.]+ ms {2}harbor-reliability-orders {2}\S+$/m);
    expect(output).toMatch(/^REPORT orders\.placeOrder RequestId: [\w-]+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB/m);
  });
});

describe('npm run seed', () => {
  const seed = () =>
    promisify(execFile)(process.execPath, [join(__dirname, '../scripts/seed.mjs')], {
      env: { ...process.env, HARBOR_HTTP_API_PORT: new URL(cloud.endpoints.httpApi).port, HARBOR_REST_PORT: new URL(cloud.endpoints.restApi).port, HARBOR_AWS_PORT: new URL(cloud.endpoints.aws).port },
    });

  it('fills the shop through the services\' own APIs, and a second run changes nothing', async () => {
    const first = await seed();
    expect(first.stdout).toContain('seeded inventory');
    await seed();
    const answer = await request<{ available: number; reserved: number }>(`${cloud.endpoints.httpApi}/inventory/items/MUG-BLUE`, { headers: { authorization: `Bearer ${await adminToken(cloud)}` } });
    expect(answer.json).toMatchObject({ available: 12, reserved: 0 });
  });
});

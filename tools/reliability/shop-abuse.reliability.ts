import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  adminToken,
  customersFor,
  inParallel,
  mintToken,
  maxOpenOrdersPerCustomer,
  newCustomer,
  newSku,
  placeOrder,
  putOnSale,
  request,
  retireProduct,
  scanTable,
  seedStock,
  UNIT_PRICE_MINOR,
  warmUp,
} from './support/clients';
import { recordFigures } from './support/figures';
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * A customer who games the shop rather than its transport. Price tampering: every way a body could name its own
 * price, total or discount, and every SKU the catalog does not sell at a price in the order's currency; none may be
 * accepted, and every stored line carries the catalog's price. Stock hoarding: one account fires many orders at once
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

describe('price tampering', () => {
  it('refuses every client-set price, total or discount (400) and every SKU the catalog does not price (422); stores catalog prices only', async () => {
    const [sku, retired, dollarsOnly] = [newSku('PRICE'), newSku('RETIRED'), newSku('USD')];
    await seedStock(cloud, sku, 10_000);
    await Promise.all([seedStock(cloud, retired, 10), putOnSale(cloud, dollarsOnly, { USD: 1_000 })]);
    await retireProduct(cloud, retired);
    const line = { sku, quantity: 1 };
    const free = { amountMinor: 0, currency: 'EUR' };
    const tampered: [string, unknown, 400 | 422][] = [
      [
        'a zero unit price (the v1 body)',
        { currency: 'EUR', lines: [{ ...line, quantity: 1000, unitPrice: free }] },
        400,
      ],
      [
        'a negative unit price',
        { currency: 'EUR', lines: [{ ...line, unitPrice: { amountMinor: -1250, currency: 'EUR' } }] },
        400,
      ],
      ['a unit price as a string', { currency: 'EUR', lines: [{ ...line, unitPrice: '0' }] }, 400],
      [
        'a unit price in another currency',
        { currency: 'EUR', lines: [{ ...line, unitPrice: { amountMinor: 1, currency: 'JPY' } }] },
        400,
      ],
      ['a total', { currency: 'EUR', lines: [line], total: free }, 400],
      ['a discount', { currency: 'EUR', lines: [line], discount: { amountMinor: 1250, currency: 'EUR' } }, 400],
      ['a price list', { currency: 'EUR', lines: [line], prices: { [sku]: 0 } }, 400],
      ['a line total', { currency: 'EUR', lines: [{ ...line, lineTotal: free }] }, 400],
      [
        'a prototype key',
        JSON.parse(
          `{"currency":"EUR","lines":[{"sku":"${sku}","quantity":1,"__proto__":{"unitPrice":{"amountMinor":0,"currency":"EUR"}}}]}`,
        ),
        400,
      ],
      ['a SKU the catalog never priced', { currency: 'EUR', lines: [{ sku: newSku('NEVER'), quantity: 1 }] }, 422],
      ['a retired SKU', { currency: 'EUR', lines: [{ sku: retired, quantity: 1 }] }, 422],
      ['a SKU with no price in the currency', { currency: 'EUR', lines: [{ sku: dollarsOnly, quantity: 1 }] }, 422],
      ['a currency nothing is priced in', { currency: 'XXX', lines: [line] }, 422],
    ];
    const customers = await customersFor(cloud, tampered.length + 1, 'tamperer');
    const answers = await inParallel(tampered, 8, ([, body], index) =>
      placeOrder(cloud, customers[index % customers.length]!, [], {
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const outcomes = tampered.map(([name, , expected], index) => ({ name, expected, status: answers[index]!.status }));
    expect(outcomes).toEqual(tampered.map(([name, , expected]) => ({ name, expected, status: expected })));

    // The honest order of the same SKU is priced by the catalog, and every stored line of it carries that price.
    const honest = await placeOrder(cloud, customers.at(-1)!, [{ sku, quantity: 2 }]);
    expect(honest.json).toMatchObject({ total: { amountMinor: 2 * UNIT_PRICE_MINOR, currency: 'EUR' } });
    const stored = (await scanTable(cloud, 'orders')).filter(
      (item) => item['sk']?.S === 'ORDER' && JSON.stringify(item['lines']).includes(sku),
    );
    const offPrice = stored
      .flatMap((item) => item['lines']?.L ?? [])
      .filter((entry) => entry.M?.['unitPrice']?.M?.['amountMinor']?.N !== String(UNIT_PRICE_MINOR));
    expect({ stored: stored.length, offPrice: offPrice.length }).toEqual({ stored: 1, offPrice: 0 });
    recordFigures({
      promise: 'price tampering: client prices, totals, discounts and unpriced SKUs are refused',
      requests: answers.length + 1,
      letThrough: answers.filter((answer) => answer.status < 300).length + offPrice.length,
      lost: 0,
      doubled: 0,
      notes: `${outcomes.filter((outcome) => outcome.status === 400).length} refused 400, ${outcomes.filter((outcome) => outcome.status === 422).length} refused 422; the honest order priced ${(2 * UNIT_PRICE_MINOR) / 100} EUR by the catalog`,
    });
  });
});

describe('stock hoarding', () => {
  it(`${ORDERS_PER_HOARDER} parallel orders of one customer: exactly the open-order limit is accepted, the rest 409`, async () => {
    const limit = maxOpenOrdersPerCustomer();
    const sku = newSku('HOARD');
    await seedStock(cloud, sku, 10_000);
    const hoarders = await Promise.all(Array.from({ length: HOARDERS }, (_, i) => newCustomer(cloud, `hoarder${i}`)));
    const attempts = hoarders.flatMap((customer) => Array.from({ length: ORDERS_PER_HOARDER }, () => customer));
    const answers = await inParallel(attempts, ORDERS_PER_HOARDER, (customer) =>
      placeOrder(cloud, customer, [{ sku, quantity: 100 }]),
    );

    const statuses = answers.map((answer) => answer.status);
    const refusals = answers.filter((answer) => answer.status === 409);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    expect(
      refusals.every(
        (answer) => (answer.json as { code?: string } | undefined)?.code === 'ORDER.OPEN_ORDER_LIMIT_REACHED',
      ),
    ).toBe(true);
    const stored = (await scanTable(cloud, 'orders')).filter((item) => item['sk']?.S === 'ORDER');
    const perHoarder = hoarders.map(
      (customer) => stored.filter((item) => item['customerId']?.S === customer.customerId).length,
    );
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
    expect(output).toMatch(
      /^REPORT orders\.placeOrder RequestId: [\w-]+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB/m,
    );
  });
});

describe('npm run seed', () => {
  const seed = () =>
    promisify(execFile)(process.execPath, [join(__dirname, '../scripts/seed.mjs')], {
      env: {
        ...process.env,
        HARBOR_HTTP_API_PORT: new URL(cloud.endpoints.httpApi).port,
        HARBOR_REST_PORT: new URL(cloud.endpoints.restApi).port,
        HARBOR_AWS_PORT: new URL(cloud.endpoints.aws).port,
      },
    });

  it("fills the shop through the services' own APIs, and a second run changes nothing", async () => {
    const first = await seed();
    expect(first.stdout).toContain('seeded catalog, inventory');
    await seed();
    const answer = await request<{ available: number; reserved: number }>(
      `${cloud.endpoints.httpApi}/inventory/items/MUG-BLUE`,
      { headers: { authorization: `Bearer ${await adminToken(cloud)}` } },
    );
    expect(answer.json).toMatchObject({ available: 12, reserved: 0 });
    const product = await request<{ version: number }>(`${cloud.endpoints.httpApi}/catalog/products/MUG-BLUE`, {
      headers: { authorization: `Bearer ${await mintToken(cloud, { sub: 'seed-check', scopes: ['catalog/admin'] })}` },
    });
    expect(product.json).toMatchObject({ prices: [{ amountMinor: 1800, currency: 'EUR' }], version: 1 });
  });
});

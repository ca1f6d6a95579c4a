import { randomUUID } from 'node:crypto';
import {
  newCustomer,
  newSku,
  orderBody,
  placeOrder,
  placeOrderCarefully,
  scanTable,
  seedStock,
  warmUp,
  type Customer,
} from './support/clients';
import { recordFigures } from './support/figures';
import { START_TIMEOUT_MS, startReliabilityCloud, type ReliabilityCloud } from './support/local-cloud';

/**
 * An idempotent create: 100 clients send POST /orders with the same Idempotency-Key at once. The API creates one
 * order, and every client ends with the same 201 and body. A client whose duplicate arrives while the first is still
 * being processed gets 409 request-in-progress, which tells it to retry (the contract of the idempotency middleware);
 * it retries with the same key, as it does after a 5xx, and then gets the replay. The same key with another body is a 422 problem.
 */
const CLIENTS = 100;

let cloud: ReliabilityCloud;
beforeAll(async () => {
  cloud = await startReliabilityCloud();
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

const ordersOf = async (customerId: string) =>
  (await scanTable(cloud, 'orders')).filter(
    (item) => item['sk']?.S === 'ORDER' && item['customerId']?.S === customerId,
  );

describe('POST /orders with an Idempotency-Key', () => {
  let customer: Customer;
  let sku: string;
  beforeAll(async () => {
    await warmUp(cloud);
    customer = await newCustomer(cloud, 'idempotent');
    sku = newSku('IDEM');
    await seedStock(cloud, sku, 10);
  });

  it('creates one order for 100 parallel requests with the same key, and answers them all alike', async () => {
    const key = randomUUID();
    const body = orderBody([{ sku, quantity: 1 }]);
    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        placeOrderCarefully(cloud, customer, [], { idempotencyKey: key, body, maxRetries: 60 }),
      ),
    );

    const finals = outcomes.map(({ answer }) => answer);
    expect(finals.filter((answer) => answer.status !== 201).map((answer) => `${answer.status} ${answer.text}`)).toEqual(
      [],
    );
    const stored = await ordersOf(customer.customerId);
    const distinct = new Map<string, number>();
    finals.forEach((answer) => distinct.set(answer.text, (distinct.get(answer.text) ?? 0) + 1));
    expect({
      stored: stored.map((item) => item['orderId']?.S),
      answers: [...distinct].map(([text, count]) => `${count}× ${text}`),
    }).toEqual({
      stored: [finals[0]?.json?.orderId],
      answers: [`${CLIENTS}× ${finals[0]?.text}`],
    });
    expect(finals[0]?.json).toMatchObject({ customerId: customer.customerId, status: 'PENDING' });

    const retries = outcomes.reduce((sum, { retries }) => sum + retries, 0);
    const inProgress = outcomes.reduce((sum, { inProgress }) => sum + inProgress, 0);
    recordFigures({
      promise: `idempotent create: ${CLIENTS} parallel POST /orders, one Idempotency-Key`,
      requests: CLIENTS + retries,
      duplicatesInjected: CLIENTS - 1,
      lost: stored.length === 0 ? 1 : 0,
      doubled: stored.length - 1,
      notes: `1 order, ${CLIENTS} identical 201 answers; ${retries} retries with the same key (${inProgress} after a 409 request-in-progress, the rest after a 5xx)`,
    });
  });

  it('refuses the same key with a different body with a 422 problem, and writes nothing', async () => {
    const key = randomUUID();
    const first = await placeOrder(cloud, customer, [], {
      idempotencyKey: key,
      body: orderBody([{ sku, quantity: 1 }]),
    });
    expect(first.status).toBe(201);
    const before = await ordersOf(customer.customerId);

    const reused = await Promise.all(
      [orderBody([{ sku, quantity: 2 }]), orderBody([{ sku, quantity: 1 }], 'USD')].map((body) =>
        placeOrder(cloud, customer, [], { idempotencyKey: key, body }),
      ),
    );
    for (const answer of reused) {
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    }
    // The original is still replayed for its own body, and no order was added.
    const replay = await placeOrder(cloud, customer, [], {
      idempotencyKey: key,
      body: orderBody([{ sku, quantity: 1 }]),
    });
    expect(replay.text).toBe(first.text);
    const after = await ordersOf(customer.customerId);
    expect(after.length).toBe(before.length);

    recordFigures({
      promise: 'idempotency key reused with another body → 422, original kept',
      requests: 2 + reused.length,
      duplicatesInjected: reused.length + 1,
      lost: 0,
      doubled: after.length - before.length,
    });
  });
});

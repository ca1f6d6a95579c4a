import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { aLine, claimsOf, invoke, newCustomer, orderBody, pricedLine } from '../test/requests';
import { handler as getOrder } from './get-order.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

const place = (customerId: string, body: unknown, key: string = randomUUID()) =>
  invoke(placeOrder, { json: body, claims: claimsOf(customerId), headers: { 'Idempotency-Key': key } });

describe('POST /orders', () => {
  it('places a pending order for the caller and stores it', async () => {
    const customerId = newCustomer();
    const response = await place(customerId, orderBody([aLine('SKU-1', 2), aLine('SKU-2', 1)]));

    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({
      orderId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      customerId,
      status: 'PENDING',
      lines: [pricedLine('SKU-1', 2, 1250), pricedLine('SKU-2', 1, 500)],
      total: { amountMinor: 3000, currency: 'EUR' },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const orderId = (response.json as { orderId: string }).orderId;
    expect(response.headers?.['location']).toBe(`/orders/${orderId}`);

    const stored = await invoke(getOrder, { method: 'GET', pathParameters: { orderId }, claims: claimsOf(customerId) });
    expect(stored.json).toEqual(response.json);
  });

  it('writes the order with its OrderPlaced and OrderStatusChanged (PENDING) outbox records together', async () => {
    const customerId = newCustomer();
    const { json } = await place(customerId, orderBody([aLine()]));
    const orderId = (json as { orderId: string }).orderId;
    const items = (await tables.ordersItems()).filter((item) => JSON.stringify(item).includes(orderId));
    const outboxTypes = items
      .filter((item) => item['sk']?.S?.startsWith('OUTBOX#'))
      .map((item) => item['eventType']?.S);
    expect(items.length).toBe(3);
    expect(outboxTypes.sort()).toEqual(['OrderPlaced', 'OrderStatusChanged']);
  });

  it('replays the first response for a repeated Idempotency-Key instead of placing a second order', async () => {
    const customerId = newCustomer();
    const key = randomUUID();
    const first = await place(customerId, orderBody([aLine()]), key);
    const before = await tables.snapshot();
    const second = await place(customerId, orderBody([aLine()]), key);

    expect(second.statusCode).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(await tables.snapshot()).toEqual(before);
  });

  it('refuses a reused Idempotency-Key with a different body, writing nothing', async () => {
    const customerId = newCustomer();
    const key = randomUUID();
    await place(customerId, orderBody([aLine()]), key);
    const before = await tables.snapshot();
    const reused = await place(customerId, orderBody([aLine('SKU-9')]), key);

    expect(reused.statusCode).toBe(422);
    expect(reused.headers?.['content-type']).toBe('application/problem+json');
    expect(await tables.snapshot()).toEqual(before);
  });

  it('answers 401 to a request without Cognito claims', async () => {
    const response = await invoke(placeOrder, {
      json: orderBody([aLine()]),
      claims: null,
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /orders with bad input answers a problem naming the field and writes nothing', () => {
  const manyLines = Array.from({ length: 10_000 }, (_, i) => aLine(`SKU-${i}`));
  const cases: [string, Parameters<typeof invoke>[1], number, string][] = [
    ['malformed JSON', { body: '{"lines": [', headers: { 'Content-Type': 'application/json' } }, 400, 'body'],
    [
      'a wrong content type',
      { body: 'lines=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      415,
      'content-type',
    ],
    ['an unknown field', { json: orderBody([aLine()], { discount: 100 }) }, 400, 'discount'],
    ['a missing field', { json: { currency: 'EUR' } }, 400, 'lines'],
    ['a missing currency', { json: { lines: [aLine()] } }, 400, 'currency'],
    // The v1 body: a price the client set itself is refused, never used (nor a total).
    [
      'a client price',
      { json: orderBody([{ ...aLine(), unitPrice: { amountMinor: 0, currency: 'EUR' } }]) },
      400,
      'lines[0].unitPrice',
    ],
    ['a client total', { json: orderBody([aLine()], { total: { amountMinor: 0, currency: 'EUR' } }) }, 400, 'total'],
    ['a SKU the catalog never priced', { json: orderBody([aLine('NEVER-SOLD')]) }, 422, 'NEVER-SOLD'],
    ['a SKU with no price in the currency', { json: orderBody([aLine()], { currency: 'JPY' }) }, 422, 'lines[0].sku'],
    ['a negative quantity', { json: orderBody([aLine('SKU-1', -1)]) }, 400, 'lines[0].quantity'],
    ['a huge quantity', { json: orderBody([aLine('SKU-1', 1_000_000)]) }, 400, 'lines[0].quantity'],
    ['a 10,000-line order', { json: orderBody(manyLines) }, 413, ''],
    ['a 1 MB body', { json: orderBody([aLine()], { note: 'x'.repeat(1024 * 1024) }) }, 413, ''],
    [
      'a missing Idempotency-Key',
      { json: orderBody([aLine()]), headers: { 'Idempotency-Key': '' } },
      400,
      'idempotency-key',
    ],
    ['a duplicate SKU', { json: orderBody([aLine('SKU-1'), aLine('SKU-1')]) }, 422, 'SKU-1'],
  ];

  it.each(cases)('%s', async (_case, input, status, named) => {
    const before = await tables.snapshot();
    const response = await invoke(placeOrder, {
      ...input,
      claims: claimsOf(newCustomer()),
      headers: { 'Idempotency-Key': randomUUID(), ...input.headers },
    });

    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.json).toMatchObject({ status });
    expect(response.body).toContain(named);
    expect(await tables.snapshot()).toEqual(before);
  });

  it('names every offending field at once', async () => {
    const response = await invoke(placeOrder, {
      json: orderBody([aLine('', 0)]),
      claims: claimsOf(newCustomer()),
      headers: { 'Idempotency-Key': randomUUID() },
    });
    const fields = ((response.json as { errors?: { field?: string; pointer?: string }[] }).errors ?? []).map(
      (e) => e.field ?? e.pointer,
    );
    expect(fields.length).toBeGreaterThanOrEqual(2);
    expect(response.body).toContain('quantity');
    expect(response.body).toContain('sku');
  });
});

import { OrderPlaced, OrderStatusChanged, OrderResponse } from '@harbor/contracts';
import { createFakes, alice, line, placeCommand } from '../../test/use-case-fixtures';
import { OrderAlreadyExists } from '../errors';
import { toOrderView } from '../order.view';
import { SequentialIdGenerator } from '../testing/sequential-id-generator';
import { PlaceOrder } from './place-order.use-case';

describe('PlaceOrder prices every line from the catalog, never from the client', () => {
  it('prices each line at the catalog price in the order currency, and records it', async () => {
    const fakes = createFakes();
    await fakes.catalogPrices.price('SKU-1', { EUR: 1250, USD: 1399 });
    await fakes.catalogPrices.price('SKU-2', { EUR: 500, USD: 550 });
    const order = await new PlaceOrder(fakes).execute(
      {
        currency: 'USD',
        lines: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
      },
      alice,
    );
    expect(order.lines.map((orderLine) => orderLine.toData())).toEqual([
      { sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1399, currency: 'USD' } },
      { sku: 'SKU-2', quantity: 1, unitPrice: { amountMinor: 550, currency: 'USD' } },
    ]);
    expect(order.total.toData()).toEqual({ amountMinor: 3348, currency: 'USD' });
  });

  it('uses the newest price the catalog published', async () => {
    const fakes = createFakes();
    await fakes.catalogPrices.price('SKU-1', { EUR: 1250 });
    await fakes.catalogPrices.price('SKU-1', { EUR: 990 });
    const order = await new PlaceOrder(fakes).execute(
      { currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 1 }] },
      alice,
    );
    expect(order.total.amountMinor).toBe(990);
  });

  it('refuses unknown, retired and unpriced SKUs with 422, naming each line, and writes nothing', async () => {
    const fakes = createFakes();
    await fakes.catalogPrices.price('SKU-1', { EUR: 1250 });
    await fakes.catalogPrices.price('ONLY-USD', { USD: 100 });
    await fakes.catalogPrices.apply({ sku: 'GONE-1', status: 'RETIRED', prices: {}, version: 2 });
    const lines = ['SKU-1', 'NEVER-1', 'GONE-1', 'ONLY-USD'].map((sku) => ({ sku, quantity: 1 }));
    const attempt = new PlaceOrder(fakes).execute({ currency: 'EUR', lines }, alice);
    await expect(attempt).rejects.toMatchObject({
      code: 'ORDER.SKU_NOT_ORDERABLE',
      kind: 'unprocessable',
      message:
        'Not orderable in EUR: NEVER-1 (not in the catalog), GONE-1 (retired), ONLY-USD (no price in this currency)',
      details: {
        currency: 'EUR',
        skus: [
          { field: 'lines[1].sku', sku: 'NEVER-1', reason: 'UNKNOWN_SKU' },
          { field: 'lines[2].sku', sku: 'GONE-1', reason: 'RETIRED' },
          { field: 'lines[3].sku', sku: 'ONLY-USD', reason: 'NOT_PRICED_IN_CURRENCY' },
        ],
      },
    });
    expect(fakes.orderRepository.outbox).toEqual([]);
  });

  it('answers a replay after a price change with the stored order, at the price it was placed at', async () => {
    const fakes = createFakes();
    await fakes.catalogPrices.price('SKU-1', { EUR: 1250 });
    const command = { currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2 }], requestKey: 'key-1' };
    const first = await new PlaceOrder(fakes).execute(command, alice);
    await fakes.catalogPrices.price('SKU-1', { EUR: 1 });
    const retry = await new PlaceOrder(fakes).execute(command, alice);
    expect(toOrderView(retry)).toEqual(toOrderView(first));
    expect(retry.total.amountMinor).toBe(2500);
  });
});

describe('PlaceOrder', () => {
  it('stores a pending order owned by the caller, with the id from the generator', async () => {
    const fakes = createFakes();
    const order = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1', 2, 1250), line('SKU-2', 1, 500)]),
      alice,
    );

    expect(order.id.value).toBe('00000000-0000-4000-8000-000000000001');
    expect(order.customerId.value).toBe('alice');
    expect(order.total.amountMinor).toBe(3000);
    expect(order.createdAt).toEqual(fakes.clock.now());
    expect(fakes.orderRepository.storedSnapshot(order.id.value)).toEqual({ ...order.toSnapshot(), version: 1 });
  });

  it('writes OrderPlaced to the outbox as a valid contract envelope carrying the correlation id', async () => {
    const fakes = createFakes();
    const order = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);

    expect(fakes.orderRepository.outbox.map((envelope) => envelope.eventType)).toEqual([
      'OrderPlaced',
      'OrderStatusChanged',
    ]);
    const envelope = OrderPlaced.envelopeSchema.parse(fakes.orderRepository.outbox[0]);
    expect(envelope).toEqual({
      eventId: '00000000-0000-4000-8000-000000000002',
      eventType: 'OrderPlaced',
      version: 1,
      occurredAt: '2025-03-01T10:00:00.000Z',
      correlationId: 'req-alice-1',
      causationId: 'req-alice-1',
      payload: {
        orderId: order.id.value,
        customerId: 'alice',
        lines: [line('SKU-1', 2, 1250)],
        total: { amountMinor: 2500, currency: 'EUR' },
      },
    });
  });

  it('leaves no pending events on the returned order', async () => {
    const fakes = createFakes();
    const order = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1')]), alice);
    expect(order.pullEvents()).toEqual([]);
  });

  it('returns an order whose view matches the OrderResponse contract', async () => {
    const fakes = createFakes();
    const order = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1')]), alice);
    expect(OrderResponse.safeParse(toOrderView(order)).success).toBe(true);
  });

  it('stores nothing when an invariant fails, naming the field', async () => {
    const fakes = createFakes();
    const attempt = new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1'), line('SKU-1')]), alice);
    await expect(attempt).rejects.toMatchObject({ code: 'ORDER.DUPLICATE_SKU', details: { field: 'lines[1].sku' } });
    expect(fakes.orderRepository.outbox).toEqual([]);
    expect(fakes.orderRepository.storedSnapshot('00000000-0000-4000-8000-000000000001')).toBeUndefined();
  });

  it('writes the new PENDING status to the outbox for the order-status topic', async () => {
    const fakes = createFakes();
    const order = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);

    const envelope = OrderStatusChanged.envelopeSchema.parse(fakes.orderRepository.outbox[1]);
    expect(envelope).toMatchObject({
      correlationId: alice.correlationId,
      payload: {
        orderId: order.id.value,
        customerId: 'alice',
        status: 'PENDING',
        total: { amountMinor: 2500, currency: 'EUR' },
      },
    });
    expect(envelope.payload).not.toHaveProperty('previousStatus');
  });

  it('answers a retry of the same request with the stored order and writes nothing again', async () => {
    const fakes = createFakes();
    const first = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1', 2, 1250)], { requestKey: 'key-1' }),
      alice,
    );
    // The retry runs the use case again (the first run timed out after committing): same key, same caller.
    const retry = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1', 2, 1250)], { requestKey: 'key-1' }),
      alice,
    );

    expect(retry.id.value).toBe(first.id.value);
    expect(toOrderView(retry)).toEqual(toOrderView(first)); // what the client gets back
    expect(fakes.orderRepository.outbox.map((envelope) => envelope.eventType)).toEqual([
      'OrderPlaced',
      'OrderStatusChanged',
    ]);
  });

  it('places different orders for different keys, and for the same key from different customers', async () => {
    const fakes = createFakes();
    const one = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key-1' }),
      alice,
    );
    const two = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key-2' }),
      alice,
    );
    const bens = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key-1' }),
      { ...alice, customerId: 'ben' },
    );
    expect(new Set([one.id.value, two.id.value, bens.id.value]).size).toBe(3);
    expect(bens.customerId.value).toBe('ben');
  });

  // "alice/secret" + "key" and "alice" + "secret/key" joined by a slash are the same name: they must not be.
  it('never derives one order id for two different callers and keys', async () => {
    const fakes = createFakes();
    const first = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key' }),
      { ...alice, customerId: 'alice/secret' },
    );
    const second = await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'secret/key' }),
      { ...alice, customerId: 'alice' },
    );
    expect(second.id.value).not.toBe(first.id.value);
    expect(second.customerId.value).toBe('alice');
  });

  it('refuses a replay whose lines differ from the stored order, as a reused key, and writes nothing', async () => {
    const fakes = createFakes();
    await new PlaceOrder(fakes).execute(
      await placeCommand(fakes, [line('SKU-1', 2, 1250)], { requestKey: 'key-1' }),
      alice,
    );
    for (const lines of [[line('SKU-1', 3, 1250)], [line('SKU-2', 2, 1250)], [line('SKU-1', 2, 1250), line('SKU-2')]]) {
      const replay = new PlaceOrder(fakes).execute(await placeCommand(fakes, lines, { requestKey: 'key-1' }), alice);
      await expect(replay).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', kind: 'unprocessable' });
    }
    expect(fakes.orderRepository.outbox).toHaveLength(2);
  });

  it("never answers a replay with another caller's order, even when the ids collide", async () => {
    const fakes = createFakes();
    // A generator that names every request the same: the stored order belongs to alice, the replay is ben's.
    const colliding = { newId: () => fakes.idGenerator.newId(), idFor: () => '00000000-0000-5000-8000-00000000abcd' };
    await new PlaceOrder({ ...fakes, idGenerator: colliding }).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key-1' }),
      alice,
    );
    const bens = new PlaceOrder({ ...fakes, idGenerator: colliding }).execute(
      await placeCommand(fakes, [line('SKU-1')], { requestKey: 'key-1' }),
      { ...alice, customerId: 'ben' },
    );
    await expect(bens).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('refuses the sixth open order of a customer with a conflict by default, and writes nothing', async () => {
    const fakes = createFakes();
    for (let index = 0; index < 5; index++)
      await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line(`SKU-${index}`)]), alice);
    const sixth = new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-9')]), alice);
    await expect(sixth).rejects.toMatchObject({ code: 'ORDER.OPEN_ORDER_LIMIT_REACHED', kind: 'conflict' });
    expect(fakes.orderRepository.outbox).toHaveLength(10);
    await new PlaceOrder({ ...fakes, maxOpenOrders: 6 }).execute(await placeCommand(fakes, [line('SKU-9')]), alice);
  });

  it('surfaces a duplicate id from the repository as a conflict', async () => {
    const fakes = createFakes();
    // Two generators with the same namespace issue the same ids.
    await new PlaceOrder({ ...fakes, idGenerator: new SequentialIdGenerator() }).execute(
      await placeCommand(fakes, [line('SKU-1')]),
      alice,
    );
    const again = new PlaceOrder({ ...fakes, idGenerator: new SequentialIdGenerator() }).execute(
      await placeCommand(fakes, [line('SKU-2')]),
      alice,
    );
    await expect(again).rejects.toBeInstanceOf(OrderAlreadyExists);
    expect(fakes.orderRepository.outbox.map((envelope) => envelope.eventType)).toEqual([
      'OrderPlaced',
      'OrderStatusChanged',
    ]);
  });
});

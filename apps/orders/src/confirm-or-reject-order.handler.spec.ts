import { InvalidEventError } from '@harbor/platform-lambda';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { deliver, inventoryEvent, orderAsOwner } from '../test/order-events';
import { newCustomer, placeOrderAs } from '../test/requests';
import { handler as confirmOrReject } from './confirm-or-reject-order.handler';
import { handler as getOrder } from './get-order.handler';
import { handler as placeOrder } from './place-order.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

async function placed() {
  const customerId = newCustomer();
  const { orderId } = await placeOrderAs(placeOrder, customerId);
  return { customerId, orderId };
}

const outboxTypesOf = async (orderId: string) =>
  (await tables.ordersItems())
    .filter((item) => item['pk']?.S === `ORDER#${orderId}` && item['sk']?.S?.startsWith('OUTBOX#'))
    .map((item) => item['eventType']?.S)
    .sort();

describe('confirmOrRejectOrder (StockReserved / StockRejected from harbor.inventory)', () => {
  it('confirms the order on StockReserved, with OrderConfirmed and OrderStatusChanged in the same write', async () => {
    const { customerId, orderId } = await placed();

    await deliver(
      confirmOrReject,
      inventoryEvent('StockReserved', { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    );

    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('CONFIRMED');
    expect(await outboxTypesOf(orderId)).toEqual([
      'OrderConfirmed',
      'OrderPlaced',
      'OrderStatusChanged',
      'OrderStatusChanged',
    ]);
  });

  it('rejects the order on StockRejected with the reasons per SKU', async () => {
    const { customerId, orderId } = await placed();
    const reasons = [
      { sku: 'SKU-1', code: 'INSUFFICIENT_STOCK', reason: 'only 1 available', requested: 2, available: 1 },
    ];

    await deliver(confirmOrReject, inventoryEvent('StockRejected', { orderId, reasons }));

    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('REJECTED');
    const stored = (await tables.ordersItems()).find(
      (item) => item['pk']?.S === `ORDER#${orderId}` && item['sk']?.S === 'ORDER',
    );
    expect(JSON.stringify(stored)).toContain('only 1 available');
  });

  it('writes nothing when the same event is delivered again', async () => {
    const { orderId } = await placed();
    const event = inventoryEvent('StockReserved', { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] });
    await deliver(confirmOrReject, event);
    const before = await tables.snapshot();

    await expect(deliver(confirmOrReject, event)).resolves.toBeUndefined();

    expect(await tables.snapshot()).toEqual(before);
  });

  it('acknowledges an event the order can no longer take (rejection after confirmation), changing nothing', async () => {
    const { customerId, orderId } = await placed();
    await deliver(
      confirmOrReject,
      inventoryEvent('StockReserved', { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    );
    const before = await tables.snapshot();
    const reasons = [{ sku: 'SKU-1', code: 'UNKNOWN_SKU', reason: 'no such SKU', requested: 2, available: 0 }];

    await expect(
      deliver(confirmOrReject, inventoryEvent('StockRejected', { orderId, reasons })),
    ).resolves.toBeUndefined();

    expect(await tables.snapshot()).toEqual(before);
    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('CONFIRMED');
  });

  it('throws an event that breaks its contract, so it is retried and dead-lettered, naming the field', async () => {
    const before = await tables.snapshot();
    const broken = inventoryEvent('StockReserved', { orderId: 'not-a-uuid', lines: [{ sku: 'SKU-1', quantity: 2 }] });
    await expect(deliver(confirmOrReject, broken)).rejects.toBeInstanceOf(InvalidEventError);
    await expect(deliver(confirmOrReject, broken)).rejects.toThrow('orderId');
    expect(await tables.snapshot()).toEqual(before);
  });
});

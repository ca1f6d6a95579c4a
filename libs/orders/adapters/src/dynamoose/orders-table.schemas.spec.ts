import { newCustomerId, placeOrder } from '../../test/order-fixtures';
import { ordersTableName, RawOrdersTable } from '../../test/orders-table';
import type { OrderItem, OutboxItem } from './orders-table.items';
import { toOutboxItem, toPersistence } from './order.mapper';
import { ordersTableModels } from './orders-table.models';

const table = new RawOrdersTable();
const models = ordersTableModels(ordersTableName());
afterAll(() => table.destroy());

type Loose = Record<string, unknown>;

function validOrderItem(): OrderItem {
  return toPersistence(placeOrder(newCustomerId()).order, 1);
}

function validOutboxItem(): OutboxItem {
  const { order, outbox } = placeOrder(newCustomerId());
  return toOutboxItem(outbox[0]!, {
    orderId: order.id.value,
    storedVersion: 1,
    position: 0,
    expiresAt: new Date('2099-03-08T12:00:00.000Z'),
  });
}

describe('the order item schema', () => {
  it('stores a valid item', async () => {
    const item = validOrderItem();
    await models.orders.create(item);
    expect(await table.get(item.pk, item.sk)).toMatchObject({ orderId: item.orderId, version: 1 });
  });

  it.each<[string, (item: OrderItem) => Loose, RegExp]>([
    [
      'a status outside its enum',
      (item) => ({ ...item, status: 'SHIPPED' }),
      /status must equal \["PENDING","CONFIRMED","REJECTED","PAID","CANCELLED","EXPIRED"\]/,
    ],
    ['a required attribute missing', ({ customerId: _omitted, ...item }) => item, /customerId is a required property/],
    [
      'a quantity of 0',
      (item) => ({ ...item, lines: [{ ...item.lines[0], quantity: 0 }] }),
      /lines\.0\.quantity .* validation error/,
    ],
    [
      'a currency in lower case',
      (item) => ({ ...item, lines: [{ ...item.lines[0], unitPrice: { amountMinor: 1, currency: 'eur' } }] }),
      /currency/,
    ],
    ['no lines', (item) => ({ ...item, lines: [] }), /lines .* validation error/],
    [
      'an index key for another customer',
      (item) => ({ ...item, gsi1pk: 'CUSTOMER#someone-else' }),
      /schema validation error/,
    ],
    [
      'a sort key that is not an order',
      (item) => ({ ...item, sk: 'OUTBOX#0000000001#000' }),
      /sk must equal \["ORDER"\]/,
    ],
    [
      'a number where a string belongs',
      (item) => ({ ...item, paymentId: 42 }),
      /Expected paymentId to be of type string/,
    ],
  ])('refuses an item with %s, and writes nothing', async (_, change, message) => {
    const item = validOrderItem();
    await expect(models.orders.create(change(item))).rejects.toThrow(message);
    expect(await table.get(item.pk, 'ORDER')).toBeUndefined();
    expect(await table.get(item.pk, 'OUTBOX#0000000001#000')).toBeUndefined();
  });

  it('drops attributes it does not declare (saveUnknown: false)', async () => {
    const item = validOrderItem();
    const withExtras: Loose = { ...item, discountCode: 'FREE', lines: [{ ...item.lines[0]!, giftWrap: true }] };
    await models.orders.create(withExtras);
    const stored = await table.get(item.pk, item.sk);
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('discountCode');
    expect(stored!['lines']).toEqual([item.lines[0]]);
  });
});

describe('the outbox item schema', () => {
  it('stores the envelope as JSON text and the expiry in epoch seconds', async () => {
    const item = validOutboxItem();
    await models.outbox.create(item);
    expect(await table.get(item.pk, item.sk)).toEqual({
      ...item,
      expiresAt: Date.parse('2099-03-08T12:00:00.000Z') / 1000,
    });
  });

  it.each<[string, (item: OutboxItem) => Loose]>([
    [
      'an eventId that differs from its envelope',
      (item) => ({ ...item, eventId: '00000000-0000-4000-8000-000000000000' }),
    ],
    ['a correlationId that differs from its envelope', (item) => ({ ...item, correlationId: 'another-request' })],
    ['a publishedAt but no envelope', (item) => ({ ...item, envelope: undefined, publishedAt: new Date() })],
    [
      'an envelope that breaks its contract',
      (item) => ({ ...item, envelope: JSON.stringify({ ...JSON.parse(item.envelope), payload: {} }) }),
    ],
    ['an envelope that is not JSON', (item) => ({ ...item, envelope: '{"eventId":' })],
    [
      'an unregistered eventType',
      (item) => ({
        ...item,
        eventType: 'OrderShipped',
        envelope: item.envelope.replace('OrderPlaced', 'OrderShipped'),
      }),
    ],
    ['a sort key that is not an outbox position', (item) => ({ ...item, sk: 'OUTBOX#1' })],
  ])('refuses an item with %s, and writes nothing', async (_, change) => {
    const item = validOutboxItem();
    const changed = change(item);
    await expect(models.outbox.create(changed)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await table.partition(item.pk.slice('ORDER#'.length))).toEqual([]);
  });
});

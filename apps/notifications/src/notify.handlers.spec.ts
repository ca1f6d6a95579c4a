import { createHash, randomUUID } from 'node:crypto';
import { freshNotificationsTables, type NotificationsTables } from '../test/fresh-notifications-tables';
import { deliver, snsEvent, statusChanged } from '../test/lambda-events';
import { handler as notifyLargeOrder } from './notify-large-order.handler';
import { handler as notifyOrderConfirmed } from './notify-order-confirmed.handler';
import { handler as notifyPaymentFailed } from './notify-payment-failed.handler';

let tables: NotificationsTables;
beforeAll(async () => {
  tables = await freshNotificationsTables();
});
afterAll(() => tables.close());

const notificationsFor = async (orderId: string) =>
  (await tables.items()).filter((item) => item['orderId'] === orderId);

describe('notifyOrderConfirmed', () => {
  it('records the customer’s notification once, however often the message is delivered', async () => {
    const { eventId, orderId, event } = statusChanged({ customerId: 'alice', status: 'CONFIRMED', totalMinor: 2500 });

    await deliver(notifyOrderConfirmed, event);
    const after = await tables.snapshot();
    await deliver(notifyOrderConfirmed, event);

    expect(await tables.snapshot()).toEqual(after);
    expect(await notificationsFor(orderId)).toEqual([
      expect.objectContaining({
        pk: `NOTIFICATION#${eventId}`,
        sk: 'KIND#ORDER_CONFIRMED',
        kind: 'ORDER_CONFIRMED',
        customerId: 'alice',
        status: 'CONFIRMED',
        amountMinor: 2500,
        currency: 'EUR',
      }),
    ]);
  });

  it('records nothing for another status that reached it', async () => {
    const { orderId, event } = statusChanged({ customerId: 'alice', status: 'PENDING' });
    await deliver(notifyOrderConfirmed, event);
    expect(await notificationsFor(orderId)).toEqual([]);
  });
});

describe('notifyLargeOrder', () => {
  it('records each status change of a large order once', async () => {
    const orderId = randomUUID();
    const placed = statusChanged({ orderId, customerId: 'bob', status: 'PENDING', totalMinor: 100_000 });
    const confirmed = statusChanged({ orderId, customerId: 'bob', status: 'CONFIRMED', totalMinor: 100_000 });

    await deliver(notifyLargeOrder, placed.event);
    await deliver(notifyLargeOrder, confirmed.event);
    await deliver(notifyLargeOrder, confirmed.event);

    expect((await notificationsFor(orderId)).map((item) => [item['kind'], item['status']]).sort()).toEqual([
      ['LARGE_ORDER', 'CONFIRMED'],
      ['LARGE_ORDER', 'PENDING'],
    ]);
  });

  it('acknowledges a small order that got through, recording nothing', async () => {
    const { orderId, event } = statusChanged({ customerId: 'bob', status: 'PENDING', totalMinor: 99_999 });
    await expect(deliver(notifyLargeOrder, event)).resolves.toBeUndefined();
    expect(await notificationsFor(orderId)).toEqual([]);
  });
});

describe('notifyPaymentFailed', () => {
  const payment = (orderId: string, eventType = 'PaymentFailed') =>
    JSON.stringify({
      notificationId: randomUUID(),
      eventType,
      paymentId: 'pay_1',
      orderId,
      amount: { amountMinor: 2500, currency: 'EUR' },
      occurredAt: '2099-03-01T10:00:00Z',
      description: 'Card "Visa" declined\n#1 $ ✓',
    });
  /** As the webhook integration publishes it: the raw body, its verified digest as an attribute. */
  const published = (body: string, digest = createHash('sha256').update(body, 'utf8').digest('hex')) =>
    snsEvent(
      body,
      {
        eventType: { Type: 'String', Value: JSON.parse(body).eventType },
        contentSha256: { Type: 'String', Value: digest },
      },
      'payment-events',
    );

  it('records a failed payment once per provider notification', async () => {
    const orderId = randomUUID();
    const event = published(payment(orderId));

    await deliver(notifyPaymentFailed, event);
    await deliver(notifyPaymentFailed, event);

    expect(await notificationsFor(orderId)).toEqual([
      expect.objectContaining({ kind: 'PAYMENT_FAILED', paymentId: 'pay_1', amountMinor: 2500 }),
    ]);
  });

  it('drops a message that is not the body the signature covered', async () => {
    const orderId = randomUUID();
    await deliver(
      notifyPaymentFailed,
      published(payment(orderId), createHash('sha256').update('another body').digest('hex')),
    );
    expect(await notificationsFor(orderId)).toEqual([]);
  });

  it('records nothing for a PaymentSucceeded that reached it', async () => {
    const orderId = randomUUID();
    await deliver(notifyPaymentFailed, published(payment(orderId, 'PaymentSucceeded')));
    expect(await notificationsFor(orderId)).toEqual([]);
  });
});

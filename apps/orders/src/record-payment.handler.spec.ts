import { OrderAwaitingConfirmation } from '@harbor/orders-domain';
import { InvalidEventError } from '@harbor/platform-lambda';
import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { deliver, inventoryEvent, orderAsOwner, snsEvent } from '../test/order-events';
import { newCustomer, placeOrderAs } from '../test/requests';
import { handler as confirmOrReject } from './confirm-or-reject-order.handler';
import { handler as getOrder } from './get-order.handler';
import { sha256Hex } from '@harbor/contracts';
import { handler as placeOrder } from './place-order.handler';
import { handler as recordPayment } from './record-payment.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

async function order({ confirmed }: { confirmed: boolean }) {
  const customerId = newCustomer();
  const { orderId } = await placeOrderAs(placeOrder, customerId); // one line: 2 × 12.50 EUR
  if (confirmed)
    await deliver(
      confirmOrReject,
      inventoryEvent('StockReserved', { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    );
  return { customerId, orderId };
}

const notification = (orderId: string, overrides: Record<string, unknown> = {}) => ({
  notificationId: randomUUID(),
  eventType: 'PaymentSucceeded',
  paymentId: 'pay_1',
  orderId,
  amount: { amountMinor: 2500, currency: 'EUR' },
  occurredAt: '2099-03-01T10:00:00Z',
  description: 'Card "Visa" ending #4242\ncosts $25 — merci ✓',
  ...overrides,
});

/** The message as the webhook integration publishes it: the raw body, its verified digest as an attribute. */
function published(body: string, digest = sha256Hex(body)) {
  return snsEvent(body, {
    eventType: { Type: 'String', Value: 'PaymentSucceeded' },
    currency: { Type: 'String', Value: 'EUR' },
    contentSha256: { Type: 'String', Value: digest },
    correlationId: { Type: 'String', Value: 'webhook-req-1' },
  });
}

describe('recordPayment (PaymentSucceeded from the payment-events topic)', () => {
  it('marks a confirmed order PAID', async () => {
    const { customerId, orderId } = await order({ confirmed: true });

    await deliver(recordPayment, published(JSON.stringify(notification(orderId))));

    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('PAID');
  });

  it('writes nothing when the same notification is delivered again', async () => {
    const { orderId } = await order({ confirmed: true });
    const event = published(JSON.stringify(notification(orderId)));
    await deliver(recordPayment, event);
    const before = await tables.snapshot();

    await expect(deliver(recordPayment, event)).resolves.toBeUndefined();

    expect(await tables.snapshot()).toEqual(before);
  });

  it('drops a message that is not the body the signature covered, changing nothing', async () => {
    const { customerId, orderId } = await order({ confirmed: true });
    const signedBody = JSON.stringify(notification(orderId, { amount: { amountMinor: 1, currency: 'EUR' } }));
    const swappedBody = JSON.stringify(notification(orderId));

    await expect(deliver(recordPayment, published(swappedBody, sha256Hex(signedBody)))).resolves.toBeUndefined();

    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('CONFIRMED');
  });

  it('acknowledges a payment that does not match the total, changing nothing', async () => {
    const { customerId, orderId } = await order({ confirmed: true });
    const before = await tables.snapshot();
    await expect(
      deliver(
        recordPayment,
        published(JSON.stringify(notification(orderId, { amount: { amountMinor: 2499, currency: 'EUR' } }))),
      ),
    ).resolves.toBeUndefined();
    expect(await tables.snapshot()).toEqual(before);
    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('CONFIRMED');
  });

  it('throws for a still pending order, so the payment is delivered again later', async () => {
    const { orderId } = await order({ confirmed: false });
    await expect(deliver(recordPayment, published(JSON.stringify(notification(orderId))))).rejects.toBeInstanceOf(
      OrderAwaitingConfirmation,
    );
  });

  it('throws a message that breaks the contract, naming the field', async () => {
    const { orderId } = await order({ confirmed: true });
    const failure = deliver(recordPayment, published(JSON.stringify(notification(orderId, { paymentId: '' }))));
    await expect(failure).rejects.toBeInstanceOf(InvalidEventError);
    await expect(failure).rejects.toThrow('paymentId');
  });
});

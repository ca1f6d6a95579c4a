import { InvalidEventError } from '@harbor/platform-lambda';
import { lambdaContext } from '@harbor/platform-lambda/testing';
import { randomUUID } from 'node:crypto';
import { freshOrdersTables, type OrdersTables } from '../test/fresh-orders-tables';
import { deliver, inventoryEvent, orderAsOwner, snsEvent } from '../test/order-events';
import { claimsOf, invoke, newCustomer, placeOrderAs } from '../test/requests';
import { handler as cancelOrder } from './cancel-order.handler';
import { handler as confirmOrReject } from './confirm-or-reject-order.handler';
import { handler as expireOrder } from './expire-order.handler';
import { handler as getOrder } from './get-order.handler';
import { sha256Hex } from '@harbor/contracts';
import { handler as placeOrder } from './place-order.handler';
import { handler as recordPayment } from './record-payment.handler';

let tables: OrdersTables;
beforeAll(async () => {
  tables = await freshOrdersTables();
});
afterAll(() => tables.close());

async function confirmed() {
  const customerId = newCustomer();
  const { orderId } = await placeOrderAs(placeOrder, customerId); // one line: 2 × 12.50 EUR
  await deliver(confirmOrReject, inventoryEvent('StockReserved', { orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] }));
  return { customerId, orderId };
}

const deadlineOf = (orderId: string) =>
  [...tables.schedules.entries()].find(([key]) => key.endsWith(`/order-${orderId}`));
/** What EventBridge Scheduler does when the deadline comes: invoke the target with the schedule's Input. */
const expire = expireOrder as (event: unknown, context: unknown) => Promise<void>;
const fire = (orderId: string) =>
  expire(JSON.parse(deadlineOf(orderId)![1].Target.Input), lambdaContext('harbor-test-orders-expireOrder'));

const outboxTypesOf = async (orderId: string) =>
  (await tables.ordersItems())
    .filter((item) => item['pk']?.S === `ORDER#${orderId}` && item['sk']?.S?.startsWith('OUTBOX#'))
    .map((item) => item['eventType']?.S);

function payment(orderId: string, paymentId: string) {
  const amount = { amountMinor: 2500, currency: 'EUR' };
  const body = JSON.stringify({
    notificationId: randomUUID(),
    eventType: 'PaymentSucceeded',
    paymentId,
    orderId,
    amount,
    occurredAt: '2099-03-01T10:00:00Z',
  });
  return snsEvent(body, {
    eventType: { Type: 'String', Value: 'PaymentSucceeded' },
    currency: { Type: 'String', Value: 'EUR' },
    contentSha256: { Type: 'String', Value: sha256Hex(body) },
  });
}

describe('payment deadline (schedules.payment-deadline → expireOrder)', () => {
  it('is set as a one-time schedule when the order is confirmed, due a window later, targeting expireOrder', async () => {
    const before = Date.now();
    const { orderId } = await confirmed();
    const [key, schedule] = deadlineOf(orderId)!;
    expect(key).toBe(`${process.env.PAYMENT_DEADLINE_GROUP_NAME}/order-${orderId}`);
    const dueAt = Date.parse(`${/^at\((.+)\)$/.exec(schedule.ScheduleExpression)![1]}Z`);
    expect(dueAt).toBeGreaterThanOrEqual(before + 900_000);
    expect(dueAt).toBeLessThanOrEqual(Date.now() + 901_000);
    const target = {
      Arn: process.env.PAYMENT_DEADLINE_TARGET_ARN,
      DeadLetterConfig: { Arn: process.env.PAYMENT_DEADLINE_DLQ_ARN },
    };
    expect(schedule).toMatchObject({ ActionAfterCompletion: 'DELETE', Target: target });
  });

  it('expires the unpaid order when it fires, once; a late payment is recorded and asks for a refund', async () => {
    const { customerId, orderId } = await confirmed();
    await fire(orderId);
    await fire(orderId);
    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('EXPIRED');

    await deliver(recordPayment, payment(orderId, 'pay_late'));
    await deliver(recordPayment, payment(orderId, 'pay_late'));

    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('EXPIRED');
    const types = await outboxTypesOf(orderId);
    expect(types.filter((type) => type === 'OrderExpired')).toHaveLength(1);
    expect(types.filter((type) => type === 'PaymentRefundRequired')).toHaveLength(1);
    expect(types).not.toContain('OrderPaid');
  });

  it('is deleted when the order is paid, and firing anyway changes nothing', async () => {
    const { customerId, orderId } = await confirmed();
    const input = deadlineOf(orderId)![1].Target.Input;
    await deliver(recordPayment, payment(orderId, 'pay_1'));
    expect(deadlineOf(orderId)).toBeUndefined();

    await expire(JSON.parse(input), lambdaContext());
    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('PAID');
  });

  it('is deleted when the confirmed order is cancelled', async () => {
    const { customerId, orderId } = await confirmed();
    const path = `/orders/${orderId}/cancel`;
    await invoke(cancelOrder, {
      method: 'POST',
      resource: '/orders/{orderId}/cancel',
      path,
      pathParameters: { orderId },
      claims: claimsOf(customerId),
    });
    expect((await orderAsOwner(getOrder, customerId, orderId)).status).toBe('CANCELLED');
    expect(deadlineOf(orderId)).toBeUndefined();
  });

  it('throws an input that is not a deadline, so the retry policy and the dead-letter queue keep it', async () => {
    await expect(expire({ orderId: 'x' }, lambdaContext())).rejects.toBeInstanceOf(InvalidEventError);
  });
});

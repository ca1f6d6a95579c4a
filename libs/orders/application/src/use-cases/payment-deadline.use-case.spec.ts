import { OrderExpired, OrderStatusChanged, PaymentRefundRequired } from '@harbor/contracts';
import { alice, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { CancelOrder } from './cancel-order.use-case';
import { ConfirmOrder } from './confirm-order.use-case';
import { ExpireOrder } from './expire-order.use-case';
import { MarkOrderPaid } from './mark-order-paid.use-case';
import { PlaceOrder } from './place-order.use-case';

const stockReserved = { correlationId: 'req-alice-1', causationId: 'evt-stock-1' };
const deadlineFired = { correlationId: 'req-alice-1', causationId: 'schedule-fired-1' };
const paid = { correlationId: 'psp-req-1', causationId: 'notification-1' };
const payment = (orderId: string, paymentId = 'pay_1') => ({
  orderId,
  paymentId,
  amount: { amountMinor: 2500, currency: 'EUR' },
});

async function confirmedOrder() {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);
  const orderId = placed.id.value;
  fakes.clock.advanceBy(1500);
  await new ConfirmOrder(fakes).execute({ orderId }, stockReserved);
  return { fakes, orderId, expireOrder: new ExpireOrder(fakes), markOrderPaid: new MarkOrderPaid(fakes) };
}

const eventTypes = (fakes: ReturnType<typeof createFakes>) =>
  fakes.orderRepository.outbox.map((envelope) => envelope.eventType);

describe('payment deadline', () => {
  it('is set when the order is confirmed: the window after the confirmation, rounded up to a whole second', async () => {
    const { fakes, orderId } = await confirmedOrder();
    // Confirmed at 10:00:01.500; 900 s from 10:00:02.
    expect([...fakes.paymentDeadlines.deadlines]).toEqual([[orderId, new Date('2025-03-01T10:15:02.000Z')]]);
    expect(fakes.orderRepository.storedSnapshot(orderId)?.paymentDueAt).toBe('2025-03-01T10:15:02.000Z');
  });

  it('is set again when the confirmation is redelivered, so a failure to set it is retried with the event', async () => {
    const fakes = createFakes();
    const { id } = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1')]), alice);
    fakes.paymentDeadlines.failWith = new Error('scheduler unavailable');
    await expect(new ConfirmOrder(fakes).execute({ orderId: id.value }, stockReserved)).rejects.toThrow(
      'scheduler unavailable',
    );
    expect(fakes.orderRepository.storedSnapshot(id.value)?.status).toBe('CONFIRMED');

    fakes.paymentDeadlines.failWith = undefined;
    await expect(new ConfirmOrder(fakes).execute({ orderId: id.value }, stockReserved)).resolves.toMatchObject({
      kind: 'already-applied',
    });
    expect(fakes.paymentDeadlines.deadlines.has(id.value)).toBe(true);
  });

  it('expires an unpaid confirmed order with OrderExpired (its lines, for inventory) and the status change', async () => {
    const { fakes, orderId, expireOrder } = await confirmedOrder();
    await expect(expireOrder.execute({ orderId }, deadlineFired)).resolves.toMatchObject({ kind: 'applied' });

    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({ status: 'EXPIRED' });
    const [expired, statusChanged] = fakes.orderRepository.outbox.slice(-2);
    expect(OrderExpired.envelopeSchema.parse(expired)).toMatchObject({
      causationId: 'schedule-fired-1',
      payload: { orderId, lines: [line('SKU-1', 2, 1250)], paymentDueAt: '2025-03-01T10:15:02.000Z' },
    });
    expect(OrderStatusChanged.envelopeSchema.parse(statusChanged).payload).toMatchObject({
      status: 'EXPIRED',
      previousStatus: 'CONFIRMED',
    });
  });

  it('expires once: the deadline firing again writes nothing', async () => {
    const { fakes, orderId, expireOrder } = await confirmedOrder();
    await expireOrder.execute({ orderId }, deadlineFired);
    await expect(expireOrder.execute({ orderId }, deadlineFired)).resolves.toMatchObject({ kind: 'already-applied' });
    expect(eventTypes(fakes).filter((type) => type === 'OrderExpired')).toHaveLength(1);
  });

  it('is dropped when the order is paid, and a deadline firing anyway leaves the paid order as it is', async () => {
    const { fakes, orderId, expireOrder, markOrderPaid } = await confirmedOrder();
    await markOrderPaid.execute(payment(orderId), paid);
    expect(fakes.paymentDeadlines.deadlines.size).toBe(0);

    await expect(expireOrder.execute({ orderId }, deadlineFired)).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.ILLEGAL_TRANSITION',
    });
    expect(fakes.orderRepository.storedSnapshot(orderId)?.status).toBe('PAID');
    expect(eventTypes(fakes)).not.toContain('OrderExpired');
  });

  it('is dropped when a confirmed order is cancelled; the cancel stands when the scheduler fails', async () => {
    const { fakes, orderId, expireOrder } = await confirmedOrder();
    const notDropped: unknown[] = [];
    fakes.paymentDeadlines.failWith = new Error('scheduler unavailable');
    await new CancelOrder({ ...fakes, onDeadlineNotDropped: (error) => notDropped.push(error) }).execute(
      { orderId },
      alice,
    );
    expect(fakes.orderRepository.storedSnapshot(orderId)?.status).toBe('CANCELLED');
    expect(notDropped).toEqual([new Error('scheduler unavailable')]);

    // The deadline left behind fires: harmless.
    await expect(expireOrder.execute({ orderId }, deadlineFired)).resolves.toMatchObject({ kind: 'ignored' });
    expect(eventTypes(fakes)).not.toContain('OrderExpired');
  });

  it('a late payment does not revive the expired order: it is recorded once and PaymentRefundRequired is published', async () => {
    const { fakes, orderId, expireOrder, markOrderPaid } = await confirmedOrder();
    await expireOrder.execute({ orderId }, deadlineFired);

    await expect(markOrderPaid.execute(payment(orderId, 'pay_late'), paid)).resolves.toMatchObject({ kind: 'applied' });
    await expect(markOrderPaid.execute(payment(orderId, 'pay_late'), paid)).resolves.toMatchObject({
      kind: 'already-applied',
    });

    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({
      status: 'EXPIRED',
      latePaymentIds: ['pay_late'],
    });
    const refunds = fakes.orderRepository.outbox.filter((envelope) => envelope.eventType === 'PaymentRefundRequired');
    expect(refunds.map((envelope) => PaymentRefundRequired.envelopeSchema.parse(envelope).payload)).toEqual([
      {
        orderId,
        customerId: 'alice',
        paymentId: 'pay_late',
        amount: { amountMinor: 2500, currency: 'EUR' },
        orderStatus: 'EXPIRED',
      },
    ]);
    expect(eventTypes(fakes)).not.toContain('OrderPaid');
  });
});

import { OrderPaid, OrderStatusChanged } from '@harbor/contracts';
import { alice, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { OrderAwaitingConfirmation } from '@harbor/orders-domain';
import { CancelOrder } from './cancel-order.use-case';
import { ConfirmOrder } from './confirm-order.use-case';
import { MarkOrderPaid } from './mark-order-paid.use-case';
import { PlaceOrder } from './place-order.use-case';

const paymentSucceeded = { correlationId: 'psp-req-1', causationId: 'notification-1' };
const payment = (orderId: string, paymentId = 'pay_1', amountMinor = 2500, currency = 'EUR') => ({
  orderId,
  paymentId,
  amount: { amountMinor, currency },
});

async function setUp({ confirm = true } = {}) {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);
  const orderId = placed.id.value;
  if (confirm)
    await new ConfirmOrder(fakes).execute({ orderId }, { correlationId: 'req-alice-1', causationId: 'evt-stock-1' });
  return { fakes, markOrderPaid: new MarkOrderPaid(fakes), orderId };
}

const paidEvents = (fakes: ReturnType<typeof createFakes>) =>
  fakes.orderRepository.outbox.filter((envelope) => envelope.eventType === 'OrderPaid');

describe('MarkOrderPaid', () => {
  it('marks a confirmed order paid with OrderPaid and the status change', async () => {
    const { fakes, markOrderPaid, orderId } = await setUp();

    await expect(markOrderPaid.execute(payment(orderId), paymentSucceeded)).resolves.toMatchObject({ kind: 'applied' });

    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({ status: 'PAID', paymentId: 'pay_1' });
    const [paid, statusChanged] = fakes.orderRepository.outbox.slice(-2);
    expect(OrderPaid.envelopeSchema.parse(paid)).toMatchObject({
      causationId: 'notification-1',
      correlationId: 'psp-req-1',
      payload: { orderId, paymentId: 'pay_1' },
    });
    expect(OrderStatusChanged.envelopeSchema.parse(statusChanged).payload).toMatchObject({
      status: 'PAID',
      previousStatus: 'CONFIRMED',
    });
  });

  it('absorbs the same payment delivered again', async () => {
    const { fakes, markOrderPaid, orderId } = await setUp();
    await markOrderPaid.execute(payment(orderId), paymentSucceeded);
    await expect(markOrderPaid.execute(payment(orderId), paymentSucceeded)).resolves.toMatchObject({
      kind: 'already-applied',
    });
    expect(paidEvents(fakes)).toHaveLength(1);
  });

  it('acknowledges a second, different payment of a paid order without changing it', async () => {
    const { fakes, markOrderPaid, orderId } = await setUp();
    await markOrderPaid.execute(payment(orderId), paymentSucceeded);
    await expect(markOrderPaid.execute(payment(orderId, 'pay_2'), paymentSucceeded)).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.ALREADY_PAID',
    });
    expect(fakes.orderRepository.storedSnapshot(orderId)?.paymentId).toBe('pay_1');
  });

  it.each([
    ['amount', 2499, 'EUR'],
    ['currency', 2500, 'USD'],
  ])('acknowledges, without writing, a payment with another %s than the total', async (_, amountMinor, currency) => {
    const { fakes, markOrderPaid, orderId } = await setUp();
    const versionBefore = fakes.orderRepository.storedSnapshot(orderId)?.version;
    await expect(
      markOrderPaid.execute(payment(orderId, 'pay_1', amountMinor, currency), paymentSucceeded),
    ).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.PAYMENT_AMOUNT_MISMATCH',
    });
    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({
      status: 'CONFIRMED',
      version: versionBefore,
    });
  });

  it('throws for a still pending order, so the payment is retried once the order is confirmed', async () => {
    const { fakes, markOrderPaid, orderId } = await setUp({ confirm: false });
    await expect(markOrderPaid.execute(payment(orderId), paymentSucceeded)).rejects.toBeInstanceOf(
      OrderAwaitingConfirmation,
    );
    expect(paidEvents(fakes)).toHaveLength(0);
  });

  it('acknowledges a payment of a cancelled order as an illegal transition', async () => {
    const { fakes, markOrderPaid, orderId } = await setUp({ confirm: false });
    await new CancelOrder(fakes).execute({ orderId }, alice);
    await expect(markOrderPaid.execute(payment(orderId), paymentSucceeded)).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.ILLEGAL_TRANSITION',
    });
  });
});

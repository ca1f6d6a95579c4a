import { OrderRejected, OrderStatusChanged } from '@harbor/contracts';
import { alice, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { ConfirmOrder } from './confirm-order.use-case';
import { PlaceOrder } from './place-order.use-case';
import { RejectOrder } from './reject-order.use-case';

const stockRejected = { correlationId: 'req-alice-1', causationId: 'evt-stock-rejected-1' };
const reasons = [{ sku: 'SKU-1', reason: 'only 1 available' }];

async function setUp() {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);
  return { fakes, rejectOrder: new RejectOrder(fakes), orderId: placed.id.value };
}

describe('RejectOrder', () => {
  it('rejects a pending order with its reasons, OrderRejected and the status change', async () => {
    const { fakes, rejectOrder, orderId } = await setUp();

    await expect(rejectOrder.execute({ orderId, reasons }, stockRejected)).resolves.toMatchObject({ kind: 'applied' });

    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({
      status: 'REJECTED',
      rejectionReasons: reasons,
    });
    const [rejected, statusChanged] = fakes.orderRepository.outbox.slice(-2);
    expect(OrderRejected.envelopeSchema.parse(rejected)).toMatchObject({
      causationId: 'evt-stock-rejected-1',
      payload: { orderId, reasons },
    });
    expect(OrderStatusChanged.envelopeSchema.parse(statusChanged).payload).toMatchObject({
      status: 'REJECTED',
      previousStatus: 'PENDING',
    });
  });

  it('absorbs a redelivered event', async () => {
    const { fakes, rejectOrder, orderId } = await setUp();
    await rejectOrder.execute({ orderId, reasons }, stockRejected);
    await expect(rejectOrder.execute({ orderId, reasons }, stockRejected)).resolves.toMatchObject({
      kind: 'already-applied',
    });
    expect(fakes.orderRepository.outbox.filter((envelope) => envelope.eventType === 'OrderRejected')).toHaveLength(1);
  });

  it('acknowledges, without writing, a rejection of an order already confirmed', async () => {
    const { fakes, rejectOrder, orderId } = await setUp();
    await new ConfirmOrder(fakes).execute({ orderId }, stockRejected);
    await expect(rejectOrder.execute({ orderId, reasons }, stockRejected)).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.ILLEGAL_TRANSITION',
    });
    expect(fakes.orderRepository.storedSnapshot(orderId)?.status).toBe('CONFIRMED');
  });
});

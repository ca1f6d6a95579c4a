import { OrderConfirmed, OrderStatusChanged } from '@harbor/contracts';
import { alice, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { ConcurrentOrderModification } from '../errors';
import { CancelOrder } from './cancel-order.use-case';
import { ConfirmOrder } from './confirm-order.use-case';
import { PlaceOrder } from './place-order.use-case';

const stockReserved = { correlationId: 'req-alice-1', causationId: 'evt-stock-reserved-1' };

async function setUp() {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(await placeCommand(fakes, [line('SKU-1', 2, 1250)]), alice);
  fakes.clock.advanceBy(1000);
  return { fakes, confirmOrder: new ConfirmOrder(fakes), orderId: placed.id.value };
}

const eventTypes = (fakes: ReturnType<typeof createFakes>) =>
  fakes.orderRepository.outbox.map((envelope) => envelope.eventType);

describe('ConfirmOrder', () => {
  it('confirms a pending order with OrderConfirmed and the status change, caused by the stock event', async () => {
    const { fakes, confirmOrder, orderId } = await setUp();

    const outcome = await confirmOrder.execute({ orderId }, stockReserved);

    expect(outcome.kind).toBe('applied');
    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({ status: 'CONFIRMED', version: 2 });
    const [confirmed, statusChanged] = fakes.orderRepository.outbox.slice(-2);
    expect(OrderConfirmed.envelopeSchema.parse(confirmed)).toMatchObject({
      causationId: 'evt-stock-reserved-1',
      correlationId: 'req-alice-1',
      payload: { orderId, customerId: 'alice', total: { amountMinor: 2500, currency: 'EUR' } },
    });
    expect(OrderStatusChanged.envelopeSchema.parse(statusChanged).payload).toEqual({
      orderId,
      customerId: 'alice',
      status: 'CONFIRMED',
      previousStatus: 'PENDING',
      total: { amountMinor: 2500, currency: 'EUR' },
    });
  });

  it('absorbs a redelivered event: nothing is written twice', async () => {
    const { fakes, confirmOrder, orderId } = await setUp();
    await confirmOrder.execute({ orderId }, stockReserved);

    await expect(confirmOrder.execute({ orderId }, stockReserved)).resolves.toMatchObject({ kind: 'already-applied' });

    expect(fakes.orderRepository.storedSnapshot(orderId)?.version).toBe(2);
    expect(eventTypes(fakes).filter((type) => type === 'OrderConfirmed')).toHaveLength(1);
  });

  it('acknowledges, without writing, a reservation for an order that was cancelled meanwhile', async () => {
    const { fakes, confirmOrder, orderId } = await setUp();
    await new CancelOrder(fakes).execute({ orderId }, alice);

    const outcome = await confirmOrder.execute({ orderId }, stockReserved);

    expect(outcome).toEqual({
      kind: 'ignored',
      code: 'ORDER.ILLEGAL_TRANSITION',
      reason: 'An order that is CANCELLED cannot become CONFIRMED',
    });
    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(eventTypes(fakes)).not.toContain('OrderConfirmed');
  });

  it('acknowledges an unknown order', async () => {
    const { confirmOrder } = await setUp();
    await expect(
      confirmOrder.execute({ orderId: '9f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e' }, stockReserved),
    ).resolves.toMatchObject({
      kind: 'ignored',
      code: 'ORDER.NOT_FOUND',
    });
  });

  it('throws a concurrent change so the event is retried, not lost', async () => {
    const { fakes, confirmOrder, orderId } = await setUp();
    jest
      .spyOn(fakes.orderRepository, 'save')
      .mockRejectedValueOnce(new ConcurrentOrderModification({ orderId, expectedVersion: 1 }));
    await expect(confirmOrder.execute({ orderId }, stockReserved)).rejects.toBeInstanceOf(ConcurrentOrderModification);
    await expect(confirmOrder.execute({ orderId }, stockReserved)).resolves.toMatchObject({ kind: 'applied' });
  });
});

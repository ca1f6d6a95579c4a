import { OrderCancelled, OrderStatusChanged } from '@harbor/contracts';
import { alice, bob, createFakes, line, placeCommand } from '../../test/use-case-fixtures';
import { ConcurrentOrderModification } from '../errors';
import { CancelOrder } from './cancel-order.use-case';
import { PlaceOrder } from './place-order.use-case';

async function setUp() {
  const fakes = createFakes();
  const placed = await new PlaceOrder(fakes).execute(
    await placeCommand(fakes, [line('SKU-1', 3), line('SKU-2', 1)]),
    alice,
  );
  fakes.clock.advanceBy(60_000);
  return { fakes, cancelOrder: new CancelOrder(fakes), orderId: placed.id.value };
}

describe('CancelOrder', () => {
  it('cancels a pending order and stores it with OrderCancelled in the outbox', async () => {
    const { fakes, cancelOrder, orderId } = await setUp();
    const order = await cancelOrder.execute({ orderId }, { ...alice, correlationId: 'req-cancel' });

    expect(order.status).toBe('CANCELLED');
    expect(fakes.orderRepository.storedSnapshot(orderId)).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      updatedAt: '2025-03-01T10:01:00.000Z',
    });
    const envelope = OrderCancelled.envelopeSchema.parse(fakes.orderRepository.outbox.at(-2));
    expect(envelope).toMatchObject({
      eventType: 'OrderCancelled',
      occurredAt: '2025-03-01T10:01:00.000Z',
      correlationId: 'req-cancel',
      causationId: 'req-cancel',
      payload: { orderId, customerId: 'alice', previousStatus: 'PENDING', lines: [line('SKU-1', 3), line('SKU-2', 1)] },
    });
    expect(OrderStatusChanged.envelopeSchema.parse(fakes.orderRepository.outbox.at(-1)).payload).toMatchObject({
      status: 'CANCELLED',
      previousStatus: 'PENDING',
    });
  });

  it("refuses another customer's order as not found, changing nothing", async () => {
    const { fakes, cancelOrder, orderId } = await setUp();
    await expect(cancelOrder.execute({ orderId }, bob)).rejects.toMatchObject({ code: 'ORDER.NOT_FOUND' });
    expect(fakes.orderRepository.storedSnapshot(orderId)?.status).toBe('PENDING');
    expect(fakes.orderRepository.outbox).toHaveLength(2);
  });

  it('refuses to cancel twice with an illegal transition (409)', async () => {
    const { fakes, cancelOrder, orderId } = await setUp();
    await cancelOrder.execute({ orderId }, alice);
    await expect(cancelOrder.execute({ orderId }, alice)).rejects.toMatchObject({
      code: 'ORDER.ILLEGAL_TRANSITION',
      kind: 'conflict',
      details: { from: 'CANCELLED', to: 'CANCELLED' },
    });
    expect(fakes.orderRepository.outbox.map((envelope) => envelope.eventType)).toEqual([
      'OrderPlaced',
      'OrderStatusChanged',
      'OrderCancelled',
      'OrderStatusChanged',
    ]);
  });

  it('loses a race against a concurrent change instead of overwriting it', async () => {
    const { fakes, cancelOrder, orderId } = await setUp();
    const realFind = fakes.orderRepository.findById.bind(fakes.orderRepository);
    // Another request cancels the same order between this one's read and write.
    jest.spyOn(fakes.orderRepository, 'findById').mockImplementationOnce(async (id) => {
      const loaded = await realFind(id);
      await new CancelOrder(fakes).execute({ orderId }, alice);
      return loaded;
    });
    await expect(cancelOrder.execute({ orderId }, alice)).rejects.toBeInstanceOf(ConcurrentOrderModification);
    expect(fakes.orderRepository.outbox.filter((envelope) => envelope.eventType === 'OrderCancelled')).toHaveLength(1);
  });
});

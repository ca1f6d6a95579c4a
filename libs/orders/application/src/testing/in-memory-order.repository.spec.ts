import { Order } from '@harbor/orders-domain';
import { InMemoryOrderRepository } from './in-memory-order.repository';
import { describeOrderRepositoryContract } from './order-repository.contract';

describeOrderRepositoryContract('InMemoryOrderRepository', async () => {
  const repository = new InMemoryOrderRepository();
  return {
    repository,
    outboxFor: async (orderId) =>
      repository.outbox.filter((envelope) => (envelope.payload as { orderId?: string }).orderId === orderId),
  };
});

describe('InMemoryOrderRepository', () => {
  it('hands out copies, so changing a loaded order changes nothing stored', async () => {
    const repository = new InMemoryOrderRepository();
    const order = Order.place({
      id: '00000000-0000-4000-8000-000000000001',
      customerId: 'c-1',
      lines: [{ sku: 'AB', quantity: 1, unitPrice: { amountMinor: 1, currency: 'EUR' } }],
      now: new Date('2025-01-01T00:00:00Z'),
    });
    await repository.create(order, [], { maxOpenOrders: 5 });
    const loaded = (await repository.findById(order.id))!;
    loaded.cancel(new Date('2025-01-02T00:00:00Z'));
    expect(repository.storedSnapshot(order.id.value)?.status).toBe('PENDING');
  });
});

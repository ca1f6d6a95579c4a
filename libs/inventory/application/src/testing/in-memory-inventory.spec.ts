import { describeInventoryRepositoryContract } from './inventory-repository.contract';
import { InMemoryInventory } from './in-memory-inventory';

describeInventoryRepositoryContract('InMemoryInventory', async () => {
  const inventory = new InMemoryInventory();
  return {
    stock: inventory,
    reservations: inventory,
    outboxFor: async (orderId) =>
      inventory.outbox.filter((envelope) => (envelope.payload as { orderId?: string }).orderId === orderId),
  };
});

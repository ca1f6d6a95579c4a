import { CustomerId, OrderId, OrderNotFound, type Order } from '@harbor/orders-domain';
import type { OrderRepository } from '../ports/order.repository.port';

/**
 * Loads an order only for its owner. Someone else's order is reported exactly like a missing one, so
 * callers cannot learn which order ids exist.
 */
export async function findOwnedOrder(repository: OrderRepository, orderId: string, customerId: string): Promise<Order> {
  const id = OrderId.create(orderId);
  const owner = CustomerId.create(customerId);
  const order = await repository.findById(id);
  if (!order || !order.isOwnedBy(owner)) throw new OrderNotFound({ orderId: id.value });
  return order;
}

import type { Order } from '@harbor/orders-domain';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';
import { findOwnedOrder } from './find-owned-order';

export interface GetOrderCommand {
  readonly orderId: string;
}

export interface GetOrderDependencies {
  readonly orderRepository: OrderRepository;
}

export class GetOrder {
  constructor(private readonly deps: GetOrderDependencies) {}

  /** The caller's order; OrderNotFound if it is missing or belongs to someone else. */
  async execute(command: GetOrderCommand, context: RequestContext): Promise<Order> {
    return findOwnedOrder(this.deps.orderRepository, command.orderId, context.customerId);
  }
}

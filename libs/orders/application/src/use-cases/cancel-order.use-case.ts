import { OrderStatus, type Order } from '@harbor/orders-domain';
import { toOrderOutbox } from '../order-outbox';
import type { Clock } from '@harbor/shared-kernel';
import type { IdGenerator } from '../ports/id-generator.port';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';
import type { PaymentDeadlines } from '../ports/payment-deadlines.port';
import { findOwnedOrder } from './find-owned-order';
import { dropDeadline } from './payment-window';

export interface CancelOrderCommand {
  readonly orderId: string;
}

export interface CancelOrderDependencies {
  readonly orderRepository: OrderRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
  readonly paymentDeadlines: PaymentDeadlines;
  /** A deadline that could not be dropped (it stays harmless); the handler logs it. */
  readonly onDeadlineNotDropped?: (error: unknown) => void;
}

export class CancelOrder {
  constructor(private readonly deps: CancelOrderDependencies) {}

  /**
   * Cancels the caller's pending or confirmed order and stores it with its OrderCancelled and OrderStatusChanged events, on the
   * version it was read at. Others' orders → OrderNotFound; other statuses → IllegalOrderTransition.
   */
  async execute(command: CancelOrderCommand, context: RequestContext): Promise<Order> {
    const { orderRepository, clock, idGenerator } = this.deps;
    const order = await findOwnedOrder(orderRepository, command.orderId, context.customerId);
    const now = clock.now();
    const previousStatus = order.status;
    order.cancel(now);
    const outbox = toOrderOutbox(order, previousStatus, {
      idGenerator,
      occurredAt: now,
      correlationId: context.correlationId,
    });
    await orderRepository.save(order, outbox);
    if (previousStatus === OrderStatus.Confirmed)
      await dropDeadline(this.deps.paymentDeadlines, order.id.value, this.deps.onDeadlineNotDropped);
    return order;
  }
}

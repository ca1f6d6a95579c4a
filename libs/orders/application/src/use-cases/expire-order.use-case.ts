import { OrderStatus } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';

/** The order's payment deadline came (its one-time schedule fired). */
export interface ExpireOrderCommand {
  readonly orderId: string;
}

export type ExpireOrderDependencies = OrderEventDependencies;

export class ExpireOrder {
  constructor(private readonly deps: ExpireOrderDependencies) {}

  /**
   * CONFIRMED → EXPIRED with OrderExpired (inventory releases the stock) and OrderStatusChanged (the customer's
   * WebSocket). A paid, cancelled or already expired order is left as it is: a deadline that was not deleted in
   * time, or fires twice, changes nothing.
   */
  execute(command: ExpireOrderCommand, context: EventContext): Promise<OrderEventOutcome> {
    return applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => order.status === OrderStatus.Expired,
      apply: (order, now) => order.expire(now),
    });
  }
}

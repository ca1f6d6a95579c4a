import { OrderStatus } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';

/** Every line of the order was reserved (StockReserved). */
export interface ConfirmOrderCommand {
  readonly orderId: string;
}

export type ConfirmOrderDependencies = OrderEventDependencies;

/** Statuses an order reaches only after it was confirmed: a redelivered StockReserved finds it there. */
const CONFIRMED_OR_LATER: readonly OrderStatus[] = [OrderStatus.Confirmed, OrderStatus.Paid];

export class ConfirmOrder {
  constructor(private readonly deps: ConfirmOrderDependencies) {}

  /** PENDING → CONFIRMED with OrderConfirmed and OrderStatusChanged; a cancelled or rejected order is left as it is. */
  execute(command: ConfirmOrderCommand, context: EventContext): Promise<OrderEventOutcome> {
    return applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => CONFIRMED_OR_LATER.includes(order.status),
      apply: (order, now) => order.confirm(now),
    });
  }
}

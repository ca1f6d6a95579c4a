import { OrderStatus, type RejectionReason } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';

/** Some line could not be reserved (StockRejected); each reason names its SKU. */
export interface RejectOrderCommand {
  readonly orderId: string;
  readonly reasons: readonly RejectionReason[];
}

export type RejectOrderDependencies = OrderEventDependencies;

export class RejectOrder {
  constructor(private readonly deps: RejectOrderDependencies) {}

  /** PENDING → REJECTED with the reasons, OrderRejected and OrderStatusChanged; any other status is left as it is. */
  execute(command: RejectOrderCommand, context: EventContext): Promise<OrderEventOutcome> {
    return applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => order.status === OrderStatus.Rejected,
      apply: (order, now) => order.reject(command.reasons, now),
    });
  }
}

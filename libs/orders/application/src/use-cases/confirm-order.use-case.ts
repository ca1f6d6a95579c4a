import { OrderStatus } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';
import { paymentDueAt, type PaymentWindow } from './payment-window';

/** Every line of the order was reserved (StockReserved). */
export interface ConfirmOrderCommand {
  readonly orderId: string;
}

export interface ConfirmOrderDependencies extends OrderEventDependencies {
  readonly paymentWindow: PaymentWindow;
}

/** Statuses an order reaches only after it was confirmed: a redelivered StockReserved finds it there. */
const CONFIRMED_OR_LATER: readonly OrderStatus[] = [OrderStatus.Confirmed, OrderStatus.Paid];

export class ConfirmOrder {
  constructor(private readonly deps: ConfirmOrderDependencies) {}

  /**
   * PENDING → CONFIRMED with OrderConfirmed and OrderStatusChanged, then the payment deadline is set; a cancelled or
   * rejected order is left as it is. The deadline is set after the order is stored (a deadline never precedes its
   * order) and again on a redelivery that finds it CONFIRMED, so a failure to set it is retried with the event.
   */
  async execute(command: ConfirmOrderCommand, context: EventContext): Promise<OrderEventOutcome> {
    const { paymentWindow } = this.deps;
    const outcome = await applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => CONFIRMED_OR_LATER.includes(order.status),
      apply: (order, now) => order.confirm(now, paymentDueAt(now, paymentWindow)),
    });
    if (outcome.kind === 'ignored' || outcome.order.status !== OrderStatus.Confirmed) return outcome;
    const dueAt = outcome.order.paymentDueAt;
    if (dueAt) await paymentWindow.deadlines.schedule(outcome.order.id.value, dueAt, context.correlationId);
    return outcome;
  }
}

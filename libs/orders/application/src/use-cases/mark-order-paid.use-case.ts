import { OrderStatus, type MoneyData } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { OrderAlreadyPaid, OrderAwaitingConfirmation, PaymentAmountMismatch } from '../errors';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';

/** The provider reports a successful payment (PaymentSucceeded). */
export interface MarkOrderPaidCommand {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: MoneyData;
}

export type MarkOrderPaidDependencies = OrderEventDependencies;

const shown = (money: MoneyData): string => `${money.amountMinor} ${money.currency}`;

export class MarkOrderPaid {
  constructor(private readonly deps: MarkOrderPaidDependencies) {}

  /**
   * CONFIRMED → PAID with OrderPaid and OrderStatusChanged, when the payment covers exactly the order's total.
   * The same payment again changes nothing; another payment of a paid order, or a wrong amount, is `ignored`
   * (a person refunds it); a payment of a still PENDING order throws OrderAwaitingConfirmation so it is retried.
   */
  execute(command: MarkOrderPaidCommand, context: EventContext): Promise<OrderEventOutcome> {
    return applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => order.status === OrderStatus.Paid && order.paymentId === command.paymentId,
      apply: (order, now) => {
        const orderId = order.id.value;
        if (order.status === OrderStatus.Pending) throw new OrderAwaitingConfirmation({ orderId });
        if (order.status === OrderStatus.Paid) {
          return new OrderAlreadyPaid({ orderId, paymentId: command.paymentId, paidBy: order.paymentId ?? 'an unknown payment' });
        }
        const total = order.total.toData();
        if (total.amountMinor !== command.amount.amountMinor || total.currency !== command.amount.currency) {
          return new PaymentAmountMismatch({ orderId, paid: shown(command.amount), total: shown(total) });
        }
        order.markPaid(command.paymentId, now);
        return undefined;
      },
    });
  }
}

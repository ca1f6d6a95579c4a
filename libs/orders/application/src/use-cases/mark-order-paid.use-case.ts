import { OrderStatus, type MoneyData } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
import { OrderAlreadyPaid, OrderAwaitingConfirmation, PaymentAmountMismatch } from '../errors';
import type { PaymentDeadlines } from '../ports/payment-deadlines.port';
import { applyOrderEvent, type OrderEventDependencies, type OrderEventOutcome } from './apply-order-event';
import { dropDeadline } from './payment-window';

/** The provider reports a successful payment (PaymentSucceeded). */
export interface MarkOrderPaidCommand {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: MoneyData;
}

export interface MarkOrderPaidDependencies extends OrderEventDependencies {
  readonly paymentDeadlines: PaymentDeadlines;
  /** A deadline that could not be dropped (it stays harmless); the handler logs it. */
  readonly onDeadlineNotDropped?: (error: unknown) => void;
}

const shown = (money: MoneyData): string => `${money.amountMinor} ${money.currency}`;

export class MarkOrderPaid {
  constructor(private readonly deps: MarkOrderPaidDependencies) {}

  /**
   * CONFIRMED → PAID with OrderPaid and OrderStatusChanged, when the payment covers exactly the order's total.
   * The same payment again changes nothing; another payment of a paid order, or a wrong amount, is `ignored`
   * (a person refunds it); a payment of a still PENDING order throws OrderAwaitingConfirmation so it is retried.
   * A payment of an EXPIRED order does not revive it: it is recorded and PaymentRefundRequired is published.
   * Once paid, the order's payment deadline is dropped.
   */
  async execute(command: MarkOrderPaidCommand, context: EventContext): Promise<OrderEventOutcome> {
    const outcome = await applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) =>
        (order.status === OrderStatus.Paid && order.paymentId === command.paymentId) || order.latePaymentIds.includes(command.paymentId),
      apply: (order, now) => {
        const orderId = order.id.value;
        if (order.status === OrderStatus.Pending) throw new OrderAwaitingConfirmation({ orderId });
        if (order.status === OrderStatus.Expired) return order.recordLatePayment(command.paymentId, command.amount, now);
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
    if (outcome.kind === 'applied' && outcome.order.status === OrderStatus.Paid) {
      await dropDeadline(this.deps.paymentDeadlines, command.orderId, this.deps.onDeadlineNotDropped);
    }
    return outcome;
  }
}

import { OrderStatus, type MoneyData } from '@harbor/orders-domain';
import type { EventContext } from '../event-context';
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
    // The rules of paying are the Order's (Order.pay); applyOrderEvent turns what it refuses into outcomes.
    const outcome = await applyOrderEvent(this.deps, command.orderId, context, {
      alreadyApplied: (order) => order.hasPayment(command.paymentId),
      apply: (order, now) => order.pay(command.paymentId, command.amount, now),
    });
    if (outcome.kind === 'applied' && outcome.order.status === OrderStatus.Paid) {
      await dropDeadline(this.deps.paymentDeadlines, command.orderId, this.deps.onDeadlineNotDropped);
    }
    return outcome;
  }
}

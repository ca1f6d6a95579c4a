import {
  CorruptOrderSnapshot,
  IllegalOrderTransition,
  InvalidPaymentId,
  OrderAlreadyPaid,
  OrderAwaitingConfirmation,
  PaymentAmountMismatch,
} from './errors';
import { CustomerId } from './customer-id.value-object';
import { Money, type MoneyData } from './money.value-object';
import type { OrderDomainEvent } from './order.events';
import type { OrderSnapshot, RejectionReason } from './order.snapshot';
import { OrderId } from './order-id.value-object';
import type { OrderLine, OrderLineData } from './order-line';
import { createOrderLines } from './order-lines';
import { canTransition, isCancellable, isOpen, isOrderStatus, OrderStatus } from './order-status';
import { validateRejectionReasons } from './rejection-reasons';

export interface PlaceOrderInput {
  readonly id: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineData[];
  readonly now: Date;
}

interface OrderState {
  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly lines: readonly OrderLine[];
  status: OrderStatus;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly version: number;
  /** The status it was stored with when loaded; undefined for an order placed and not yet stored. */
  readonly loadedStatus?: OrderStatus;
  paymentId?: string;
  paymentDueAt?: Date;
  latePaymentIds?: readonly string[];
  rejectionReasons?: readonly RejectionReason[];
}

/** Money as messages show it: `1999 EUR`. */
const shown = (money: MoneyData): string => `${money.amountMinor} ${money.currency}`;

function validDate(value: Date, name: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${name} must be a valid Date`);
  return new Date(value.getTime());
}

function validLatePayments(ids: readonly unknown[]): string[] {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.trim() === ''))
    throw new TypeError('latePaymentIds must hold payment ids');
  return [...(ids as string[])];
}

/**
 * The order aggregate: its lines are fixed once placed, its status moves only along
 * ORDER_STATUS_TRANSITIONS, and every change records a domain event for pullEvents().
 */
export class Order {
  private events: OrderDomainEvent[] = [];

  private constructor(private readonly state: OrderState) {}

  static place(input: PlaceOrderInput): Order {
    const now = validDate(input.now, 'now');
    const order = new Order({
      id: OrderId.create(input.id),
      customerId: CustomerId.create(input.customerId),
      lines: Object.freeze(createOrderLines(input.lines)),
      status: OrderStatus.Pending,
      createdAt: now,
      updatedAt: now,
      version: 0,
    });
    order.record({
      type: 'OrderPlaced',
      payload: { ...order.identity(), lines: order.lineData(), total: order.total.toData() },
    });
    return order;
  }

  /** Rebuilds a stored order; data that breaks an invariant is a CorruptOrderSnapshot, not a client error. */
  static rehydrate(snapshot: OrderSnapshot): Order {
    try {
      if (!isOrderStatus(snapshot.status)) throw new TypeError(`unknown status ${String(snapshot.status)}`);
      if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0)
        throw new TypeError('version must be a non-negative integer');
      return new Order({
        id: OrderId.create(snapshot.orderId),
        customerId: CustomerId.create(snapshot.customerId),
        lines: Object.freeze(createOrderLines(snapshot.lines)),
        status: snapshot.status,
        loadedStatus: snapshot.status,
        createdAt: validDate(new Date(snapshot.createdAt), 'createdAt'),
        updatedAt: validDate(new Date(snapshot.updatedAt), 'updatedAt'),
        version: snapshot.version,
        ...(snapshot.paymentId === undefined ? {} : { paymentId: snapshot.paymentId }),
        ...(snapshot.paymentDueAt === undefined
          ? {}
          : { paymentDueAt: validDate(new Date(snapshot.paymentDueAt), 'paymentDueAt') }),
        ...(snapshot.latePaymentIds === undefined
          ? {}
          : { latePaymentIds: Object.freeze(validLatePayments(snapshot.latePaymentIds)) }),
        ...(snapshot.rejectionReasons === undefined
          ? {}
          : { rejectionReasons: validateRejectionReasons(snapshot.rejectionReasons) }),
      });
    } catch (error) {
      throw new CorruptOrderSnapshot(String(snapshot?.orderId), { cause: error });
    }
  }

  get id(): OrderId {
    return this.state.id;
  }
  get customerId(): CustomerId {
    return this.state.customerId;
  }
  get lines(): readonly OrderLine[] {
    return this.state.lines;
  }
  /** Always the sum of the lines: derived, never stored. */
  get total(): Money {
    const [first, ...rest] = this.state.lines.map((line) => line.lineTotal);
    if (first === undefined) throw new Error('An order always holds at least one line');
    return rest.reduce((sum, lineTotal) => sum.add(lineTotal), first);
  }
  get status(): OrderStatus {
    return this.state.status;
  }
  get createdAt(): Date {
    return new Date(this.state.createdAt.getTime());
  }
  get updatedAt(): Date {
    return new Date(this.state.updatedAt.getTime());
  }
  /** The stored version this order was loaded with (0 if never stored); repositories write on that condition. */
  get version(): number {
    return this.state.version;
  }
  /**
   * Whether this change closes an order that was open when it was loaded (paid, rejected or cancelled since):
   * repositories that count a customer's open orders count it down on this write.
   */
  get closesOpenOrder(): boolean {
    return this.state.loadedStatus !== undefined && isOpen(this.state.loadedStatus) && !isOpen(this.state.status);
  }
  get paymentId(): string | undefined {
    return this.state.paymentId;
  }
  /** The end of its payment window, set when it was confirmed with one. */
  get paymentDueAt(): Date | undefined {
    return this.state.paymentDueAt === undefined ? undefined : new Date(this.state.paymentDueAt.getTime());
  }
  get latePaymentIds(): readonly string[] {
    return this.state.latePaymentIds ?? [];
  }
  get rejectionReasons(): readonly RejectionReason[] | undefined {
    return this.state.rejectionReasons;
  }

  isOwnedBy(customerId: CustomerId): boolean {
    return this.state.customerId.equals(customerId);
  }

  /** Confirms it; `paymentDueAt` is when it expires unless paid before (absent: it never expires). */
  confirm(now: Date, paymentDueAt?: Date): void {
    const dueAt = paymentDueAt === undefined ? undefined : validDate(paymentDueAt, 'paymentDueAt');
    this.moveTo(OrderStatus.Confirmed, now);
    if (dueAt) this.state.paymentDueAt = dueAt;
    this.record({ type: 'OrderConfirmed', payload: { ...this.identity(), total: this.total.toData() } });
  }

  reject(reasons: readonly RejectionReason[], now: Date): void {
    this.assertCanMoveTo(OrderStatus.Rejected);
    const validReasons = validateRejectionReasons(reasons);
    this.moveTo(OrderStatus.Rejected, now);
    this.state.rejectionReasons = validReasons;
    this.record({
      type: 'OrderRejected',
      payload: { ...this.identity(), reasons: validReasons.map((reason) => ({ ...reason })) },
    });
  }

  /**
   * A payment the provider reports, by the rules of paying: a PENDING order waits for its confirmation
   * (OrderAwaitingConfirmation, so the payment is delivered again), an EXPIRED one is not revived (the payment is
   * recorded for a refund), a paid order cannot be paid again (OrderAlreadyPaid) and a payment must equal the
   * total (PaymentAmountMismatch). Anything else it cannot become is an IllegalOrderTransition.
   */
  pay(paymentId: string, amount: MoneyData, now: Date): void {
    const orderId = this.id.value;
    if (this.state.status === OrderStatus.Pending) throw new OrderAwaitingConfirmation({ orderId });
    if (this.state.status === OrderStatus.Expired) return this.recordLatePayment(paymentId, amount, now);
    if (this.state.status === OrderStatus.Paid) {
      throw new OrderAlreadyPaid({ orderId, paymentId, paidBy: this.state.paymentId ?? 'an unknown payment' });
    }
    const total = this.total.toData();
    if (total.amountMinor !== amount.amountMinor || total.currency !== amount.currency) {
      throw new PaymentAmountMismatch({ orderId, paid: shown(amount), total: shown(total) });
    }
    this.markPaid(paymentId, now);
  }

  /** Whether this payment's effect is already stored: it paid this order, or was recorded as a late payment. */
  hasPayment(paymentId: string): boolean {
    const paidByIt = this.state.status === OrderStatus.Paid && this.state.paymentId === paymentId;
    return paidByIt || this.latePaymentIds.includes(paymentId);
  }

  markPaid(paymentId: string, now: Date): void {
    this.assertCanMoveTo(OrderStatus.Paid);
    if (typeof paymentId !== 'string' || paymentId.trim() === '') throw new InvalidPaymentId({ field: 'paymentId' });
    this.moveTo(OrderStatus.Paid, now);
    this.state.paymentId = paymentId;
    this.record({ type: 'OrderPaid', payload: { ...this.identity(), paymentId, total: this.total.toData() } });
  }

  cancel(now: Date): void {
    const previousStatus = this.state.status;
    if (!isCancellable(previousStatus))
      throw new IllegalOrderTransition({ from: previousStatus, to: OrderStatus.Cancelled });
    this.moveTo(OrderStatus.Cancelled, now);
    this.record({ type: 'OrderCancelled', payload: { ...this.identity(), lines: this.lineData(), previousStatus } });
  }

  /** CONFIRMED → EXPIRED: its payment window closed unpaid. A paid or cancelled order cannot expire. */
  expire(now: Date): void {
    this.moveTo(OrderStatus.Expired, now);
    const paymentDueAt = (this.state.paymentDueAt ?? now).toISOString();
    this.record({ type: 'OrderExpired', payload: { ...this.identity(), lines: this.lineData(), paymentDueAt } });
  }

  /**
   * A payment that reached the order after it expired: recorded, and PaymentRefundRequired asks for the money back.
   * Only an EXPIRED order takes one; the same payment twice is recorded once (callers check latePaymentIds first).
   */
  recordLatePayment(paymentId: string, amount: MoneyData, now: Date): void {
    if (this.state.status !== OrderStatus.Expired)
      throw new IllegalOrderTransition({ from: this.state.status, to: 'refunded (a late payment)' });
    if (typeof paymentId !== 'string' || paymentId.trim() === '') throw new InvalidPaymentId({ field: 'paymentId' });
    if (this.latePaymentIds.includes(paymentId)) return;
    const paid = Money.create(amount, 'amount');
    this.state.latePaymentIds = Object.freeze([...this.latePaymentIds, paymentId]);
    this.state.updatedAt = validDate(now, 'now');
    this.record({
      type: 'PaymentRefundRequired',
      payload: { ...this.identity(), paymentId, amount: paid.toData(), orderStatus: OrderStatus.Expired },
    });
  }

  /** The events recorded since the last call, each returned exactly once. */
  pullEvents(): OrderDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  toSnapshot(): OrderSnapshot {
    const { paymentId, paymentDueAt, latePaymentIds, rejectionReasons } = this.state;
    return {
      orderId: this.state.id.value,
      customerId: this.state.customerId.value,
      lines: this.lineData(),
      status: this.state.status,
      createdAt: this.state.createdAt.toISOString(),
      updatedAt: this.state.updatedAt.toISOString(),
      version: this.state.version,
      ...(paymentId === undefined ? {} : { paymentId }),
      ...(paymentDueAt === undefined ? {} : { paymentDueAt: paymentDueAt.toISOString() }),
      ...(latePaymentIds === undefined ? {} : { latePaymentIds: [...latePaymentIds] }),
      ...(rejectionReasons === undefined
        ? {}
        : { rejectionReasons: rejectionReasons.map((reason) => ({ ...reason })) }),
    };
  }

  private assertCanMoveTo(to: OrderStatus): void {
    if (!canTransition(this.state.status, to)) throw new IllegalOrderTransition({ from: this.state.status, to });
  }

  private moveTo(to: OrderStatus, now: Date): void {
    this.assertCanMoveTo(to);
    const updatedAt = validDate(now, 'now');
    this.state.status = to;
    this.state.updatedAt = updatedAt;
  }

  private record(event: OrderDomainEvent): void {
    this.events.push(event);
  }

  private identity(): { orderId: string; customerId: string } {
    return { orderId: this.state.id.value, customerId: this.state.customerId.value };
  }

  private lineData(): OrderLineData[] {
    return this.state.lines.map((line) => line.toData());
  }
}

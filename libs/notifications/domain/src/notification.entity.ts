import type { OrderStatusDto } from '@harbor/contracts';
import { InvalidNotification } from './errors';
import { isLargeOrder, LARGE_ORDER_MIN_TOTAL_MINOR } from './large-order';
import { isIdentifier } from './text-rules';

/** What a notification tells, one kind per subscription. */
export const NotificationKind = {
  OrderConfirmed: 'ORDER_CONFIRMED',
  LargeOrder: 'LARGE_ORDER',
  PaymentFailed: 'PAYMENT_FAILED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export interface NotificationSnapshot {
  readonly kind: NotificationKind;
  /** The event (or provider notification) it comes from: with `kind`, what makes a redelivery a duplicate. */
  readonly sourceEventId: string;
  readonly orderId: string;
  /** Whose order; the payment provider does not say, so payment notifications carry none. */
  readonly customerId?: string;
  readonly status?: OrderStatusDto;
  readonly paymentId?: string;
  readonly amount: Money;
  readonly text: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

interface Source {
  readonly sourceEventId: string;
  readonly orderId: string;
  readonly occurredAt: Date;
}

const ID_MAX_LENGTH = 128;

function checkSource(source: Source, now: Date): void {
  for (const field of ['sourceEventId', 'orderId'] as const) {
    if (!isIdentifier(source[field], ID_MAX_LENGTH))
      throw new InvalidNotification({ field, rule: `must be 1 to ${ID_MAX_LENGTH} characters` });
  }
  if (Number.isNaN(source.occurredAt.getTime()))
    throw new InvalidNotification({ field: 'occurredAt', rule: 'must be a valid date' });
  if (Number.isNaN(now.getTime())) throw new InvalidNotification({ field: 'recordedAt', rule: 'must be a valid date' });
}

function checkMoney(field: string, money: Money): void {
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0)
    throw new InvalidNotification({ field: `${field}.amountMinor`, rule: 'must be a non-negative integer' });
  if (!/^[A-Z]{3}$/.test(money.currency))
    throw new InvalidNotification({ field: `${field}.currency`, rule: 'must be a three-letter ISO 4217 code' });
}

const formatted = (money: Money): string => `${(money.amountMinor / 100).toFixed(2)} ${money.currency}`;

/** A notification recorded for a person to be told about (the customer, or the team watching large orders). */
export class Notification {
  private constructor(private readonly snapshot: NotificationSnapshot) {}

  static orderConfirmed(
    source: Source & { readonly customerId: string; readonly total: Money },
    now: Date,
  ): Notification {
    checkSource(source, now);
    checkMoney('total', source.total);
    if (!isIdentifier(source.customerId, ID_MAX_LENGTH))
      throw new InvalidNotification({ field: 'customerId', rule: `must be 1 to ${ID_MAX_LENGTH} characters` });
    return new Notification({
      kind: NotificationKind.OrderConfirmed,
      sourceEventId: source.sourceEventId,
      orderId: source.orderId,
      customerId: source.customerId,
      status: 'CONFIRMED',
      amount: { ...source.total },
      text: `Your order ${source.orderId} of ${formatted(source.total)} is confirmed.`,
      occurredAt: source.occurredAt,
      recordedAt: now,
    });
  }

  /** Every status change of an order whose total makes it large; a smaller order is refused, whatever sent it. */
  static largeOrder(
    source: Source & { readonly customerId: string; readonly status: OrderStatusDto; readonly total: Money },
    now: Date,
  ): Notification {
    checkSource(source, now);
    checkMoney('total', source.total);
    if (!isIdentifier(source.customerId, ID_MAX_LENGTH))
      throw new InvalidNotification({ field: 'customerId', rule: `must be 1 to ${ID_MAX_LENGTH} characters` });
    if (!isLargeOrder(source.total.amountMinor)) {
      throw new InvalidNotification({
        field: 'total.amountMinor',
        rule: `must be at least ${LARGE_ORDER_MIN_TOTAL_MINOR} for a large order`,
      });
    }
    return new Notification({
      kind: NotificationKind.LargeOrder,
      sourceEventId: source.sourceEventId,
      orderId: source.orderId,
      customerId: source.customerId,
      status: source.status,
      amount: { ...source.total },
      text: `Large order ${source.orderId} of ${formatted(source.total)} is now ${source.status}.`,
      occurredAt: source.occurredAt,
      recordedAt: now,
    });
  }

  static paymentFailed(
    source: Source & { readonly paymentId: string; readonly amount: Money },
    now: Date,
  ): Notification {
    checkSource(source, now);
    checkMoney('amount', source.amount);
    if (!isIdentifier(source.paymentId, ID_MAX_LENGTH))
      throw new InvalidNotification({ field: 'paymentId', rule: `must be 1 to ${ID_MAX_LENGTH} characters` });
    return new Notification({
      kind: NotificationKind.PaymentFailed,
      sourceEventId: source.sourceEventId,
      orderId: source.orderId,
      paymentId: source.paymentId,
      amount: { ...source.amount },
      text: `Payment ${source.paymentId} of ${formatted(source.amount)} for order ${source.orderId} failed.`,
      occurredAt: source.occurredAt,
      recordedAt: now,
    });
  }

  /** A notification as stored: trusted, it was validated when created. */
  static restore(snapshot: NotificationSnapshot): Notification {
    return new Notification({ ...snapshot });
  }

  get kind(): NotificationKind {
    return this.snapshot.kind;
  }

  get sourceEventId(): string {
    return this.snapshot.sourceEventId;
  }

  get orderId(): string {
    return this.snapshot.orderId;
  }

  toSnapshot(): NotificationSnapshot {
    return { ...this.snapshot, amount: { ...this.snapshot.amount } };
  }
}

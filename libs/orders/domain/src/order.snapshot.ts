import type { OrderLineData } from './order-line';
import type { OrderStatus } from './order-status';

/** Why an order was rejected, per SKU. */
export interface RejectionReason {
  readonly sku: string;
  readonly reason: string;
}

/**
 * An order as plain data (primitives only), for repositories to store and load. The total is not part of
 * it: it is always derived from the lines.
 */
export interface OrderSnapshot {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineData[];
  readonly status: OrderStatus;
  /** ISO 8601 date-times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** How many times the order has been stored: 0 for a new order, bumped by the repository on each write. */
  readonly version: number;
  /** Set once the order is PAID. */
  readonly paymentId?: string;
  /** Set when it is CONFIRMED: the end of its payment window (ISO 8601). */
  readonly paymentDueAt?: string;
  /** Payments that reached it after it EXPIRED, each refunded once (PaymentRefundRequired). */
  readonly latePaymentIds?: readonly string[];
  /** Set once the order is REJECTED. */
  readonly rejectionReasons?: readonly RejectionReason[];
}

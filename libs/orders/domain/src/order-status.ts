/** Where an order is in its life. The same strings travel in contracts' `OrderStatus`. */
export const OrderStatus = {
  Pending: 'PENDING',
  Confirmed: 'CONFIRMED',
  Rejected: 'REJECTED',
  Paid: 'PAID',
  Cancelled: 'CANCELLED',
  /** Confirmed but not paid within its payment window; its stock is released. */
  Expired: 'EXPIRED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** The only legal moves; every other pair is an IllegalOrderTransition. */
export const ORDER_STATUS_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: [OrderStatus.Confirmed, OrderStatus.Rejected, OrderStatus.Cancelled],
  CONFIRMED: [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Expired],
  REJECTED: [],
  PAID: [],
  CANCELLED: [],
  // A payment arriving after expiry is recorded (latePaymentIds) and refunded; it never resurrects the order.
  EXPIRED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_STATUS_TRANSITIONS[from].includes(to);
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return Object.values<unknown>(OrderStatus).includes(value);
}

/** The statuses an order can still be cancelled from (OrderCancelled carries it as `previousStatus`). */
export type CancellableOrderStatus = typeof OrderStatus.Pending | typeof OrderStatus.Confirmed;

export function isCancellable(status: OrderStatus): status is CancellableOrderStatus {
  return canTransition(status, OrderStatus.Cancelled);
}

/**
 * Open orders still hold the customer's place in line (and, once confirmed, reserved stock): placed or confirmed,
 * not yet paid, rejected, cancelled or expired. Exactly the statuses an order can still move on from.
 */
export function isOpen(status: OrderStatus): boolean {
  return ORDER_STATUS_TRANSITIONS[status].length > 0;
}

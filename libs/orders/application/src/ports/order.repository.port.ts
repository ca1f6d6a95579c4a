import type { EventEnvelope } from '@harbor/contracts';
import type { CustomerId, Order, OrderId } from '@harbor/orders-domain';

export interface OrderPageRequest {
  /** 1..100, already validated by the use case. */
  readonly limit: number;
  /** A `nextCursor` this repository returned earlier; opaque to everyone else. */
  readonly cursor?: string;
}

export interface OrderPage {
  readonly items: Order[];
  /** Present when more orders may follow; pass it back as `cursor`. */
  readonly nextCursor?: string;
}

/**
 * Where orders live. Every write stores the order together with its outbox (the envelopes to publish) in
 * one atomic operation, so a state change is never committed without its events, nor the reverse.
 * Each write stores `order.version + 1`; the in-memory `order` itself is not changed.
 */
export interface OrderRepository {
  /**
   * Stores a new order and its outbox, and counts it among its customer's open orders. An existing id →
   * `OrderAlreadyExists` (conflict); `maxOpenOrders` open orders of that customer already → `OpenOrderLimitReached`
   * (conflict); nothing written either way. The count and the order are one atomic write, so parallel requests
   * never get past the limit.
   */
  create(order: Order, outbox: readonly EventEnvelope[], limits: { readonly maxOpenOrders: number }): Promise<void>;

  /** The stored order, or undefined. */
  findById(id: OrderId): Promise<Order | undefined>;

  /**
   * One customer's orders, newest first (by createdAt, ties by orderId, both descending). A cursor this
   * repository did not issue → `InvalidPageCursor`. A page may be empty while a cursor was returned.
   */
  listByCustomer(customerId: CustomerId, page: OrderPageRequest): Promise<OrderPage>;

  /**
   * Stores the changed order and its outbox, on condition that the stored version still equals
   * `order.version` (the version it was loaded with). Otherwise (changed or deleted meanwhile)
   * → `ConcurrentOrderModification`, nothing written. A change that closes the order (`order.closesOpenOrder`)
   * counts it out of its customer's open orders in the same write.
   */
  save(order: Order, outbox: readonly EventEnvelope[]): Promise<void>;
}

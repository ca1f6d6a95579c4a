import type {
  OrderCancelledPayload,
  OrderConfirmedPayload,
  OrderExpiredPayload,
  OrderPaidPayload,
  OrderPlacedPayload,
  OrderRejectedPayload,
  PaymentRefundRequiredPayload,
} from '@harbor/contracts';

/**
 * What an order records as it changes. `type` is the contract's event name and `payload` its v1 payload,
 * so the application only adds the envelope (ids, time, correlation).
 */
export type OrderDomainEvent =
  | { readonly type: 'OrderPlaced'; readonly payload: OrderPlacedPayload }
  | { readonly type: 'OrderConfirmed'; readonly payload: OrderConfirmedPayload }
  | { readonly type: 'OrderRejected'; readonly payload: OrderRejectedPayload }
  | { readonly type: 'OrderPaid'; readonly payload: OrderPaidPayload }
  | { readonly type: 'OrderCancelled'; readonly payload: OrderCancelledPayload }
  | { readonly type: 'OrderExpired'; readonly payload: OrderExpiredPayload }
  | { readonly type: 'PaymentRefundRequired'; readonly payload: PaymentRefundRequiredPayload };

export type OrderDomainEventType = OrderDomainEvent['type'];

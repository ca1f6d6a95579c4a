// Ports
export type { OrderPage, OrderPageRequest, OrderRepository } from './ports/order.repository.port';
export type { EventPublisher } from './ports/event-publisher.port';
export type { CatalogPrice, CatalogPrices } from './ports/catalog-prices.port';
export type { IdGenerator } from './ports/id-generator.port';
export type { PaymentDeadlines } from './ports/payment-deadlines.port';
export type { RequestContext } from './request-context';
export type { EventContext } from './event-context';

// Errors the ports and use cases raise
export {
  ConcurrentOrderModification,
  InvalidPageCursor,
  InvalidPageLimit,
  OrderAlreadyExists,
  OpenOrderLimitReached,
  RequestKeyReused,
  SkusNotOrderable,
  type UnorderableReason,
} from './errors';
export { priceLines, type RequestedLine } from './pricing';
export { orderRequestName } from './order-request-name';

// Use cases
export { ApplyCatalogChange, type CatalogChange } from './use-cases/apply-catalog-change.use-case';
export { PlaceOrder, type PlaceOrderCommand, type PlaceOrderDependencies } from './use-cases/place-order.use-case';
export { GetOrder, type GetOrderCommand, type GetOrderDependencies } from './use-cases/get-order.use-case';
export {
  ListCustomerOrders,
  type CustomerOrdersPage,
  type ListCustomerOrdersCommand,
  type ListCustomerOrdersDependencies,
} from './use-cases/list-customer-orders.use-case';
export { CancelOrder, type CancelOrderCommand, type CancelOrderDependencies } from './use-cases/cancel-order.use-case';
export type { OrderEventOutcome } from './use-cases/apply-order-event';
export {
  ConfirmOrder,
  type ConfirmOrderCommand,
  type ConfirmOrderDependencies,
} from './use-cases/confirm-order.use-case';
export { RejectOrder, type RejectOrderCommand, type RejectOrderDependencies } from './use-cases/reject-order.use-case';
export { ExpireOrder, type ExpireOrderCommand, type ExpireOrderDependencies } from './use-cases/expire-order.use-case';
export { paymentDueAt, type PaymentWindow } from './use-cases/payment-window';
export {
  MarkOrderPaid,
  type MarkOrderPaidCommand,
  type MarkOrderPaidDependencies,
} from './use-cases/mark-order-paid.use-case';

// Mapping
export { toEventEnvelopes, type EnvelopeOrigin } from './order-event-envelopes';
export { toOrderOutbox } from './order-outbox';
export { toOrderPageView, toOrderView } from './order.view';

// Test doubles (for use-case, adapter and handler tests)

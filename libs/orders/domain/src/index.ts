export {
  CorruptOrderSnapshot,
  DuplicateSku,
  IllegalOrderTransition,
  InvalidCustomerId,
  InvalidMoney,
  InvalidOrderId,
  InvalidPaymentId,
  InvalidRejectionReasons,
  InvalidSku,
  MixedCurrencies,
  MoneyOverflow,
  OrderLineCountOutOfRange,
  OrderAlreadyPaid,
  OrderAwaitingConfirmation,
  OrderNotFound,
  PaymentAmountMismatch,
  QuantityOutOfRange,
} from './errors';
export { Money, type MoneyData } from './money.value-object';
export { Sku } from './sku.value-object';
export { Quantity } from './quantity.value-object';
export { OrderId } from './order-id.value-object';
export { CustomerId } from './customer-id.value-object';
export { OrderLine, type OrderLineData } from './order-line';
export { createOrderLines } from './order-lines';
export {
  canTransition,
  isCancellable,
  isOpen,
  isOrderStatus,
  ORDER_STATUS_TRANSITIONS,
  OrderStatus,
  type CancellableOrderStatus,
} from './order-status';
export type { OrderDomainEvent, OrderDomainEventType } from './order.events';
export type { OrderSnapshot, RejectionReason } from './order.snapshot';
export { Order, type PlaceOrderInput } from './order.entity';

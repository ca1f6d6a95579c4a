// Events
export type { EventEnvelope } from './events/event-envelope';
export { defineEvent, type EventContract, type EnvelopeOf, type PayloadOf } from './events/define-event';
export {
  eventContracts,
  findEventContract,
  parseEventEnvelope,
  type RegisteredEventContract,
} from './events/event-contracts.registry';
export { eventPatternFor, type EventBridgePattern } from './events/event-pattern';

// Shared values
export {
  CURRENCY_PATTERN,
  CurrencySchema,
  MONEY_MAX_AMOUNT_MINOR,
  MoneySchema,
  MoneyTotalSchema,
  type MoneyDto,
} from './values/money.schema';
export { SKU_PATTERN, SkuSchema } from './values/sku.schema';
export { QUANTITY_MAX, QUANTITY_MIN, QuantitySchema } from './values/quantity.schema';

// Validation errors that name their field
export { formatFieldPath, ROOT_FIELD, toFieldErrors, type FieldError } from './validation/field-errors';

// Orders
export { CUSTOMER_ID_MAX_LENGTH, ORDER_LINES_MAX, ORDER_LINES_MIN } from './orders/order-limits';
export { CustomerIdSchema, OrderIdSchema } from './orders/order-identifiers.schema';
export {
  CancellableOrderStatusSchema,
  ORDER_STATUSES,
  OrderStatusSchema,
  type OrderStatusDto,
} from './orders/order-status.schema';
export {
  OrderLineSchema,
  OrderLinesSchema,
  OrderRequestLineSchema,
  OrderRequestLinesSchema,
  type OrderLineDto,
} from './orders/order-line.schema';
export { OrderPlaced, type OrderPlacedPayload } from './orders/order-placed.event';
export { OrderCancelled, type OrderCancelledPayload } from './orders/order-cancelled.event';
export { OrderConfirmed, type OrderConfirmedPayload } from './orders/order-confirmed.event';
export {
  OrderRejected,
  RejectionReasonSchema,
  type OrderRejectedPayload,
  type RejectionReasonDto,
} from './orders/order-rejected.event';
export { OrderPaid, type OrderPaidPayload } from './orders/order-paid.event';
export { OrderExpired, type OrderExpiredPayload } from './orders/order-expired.event';
export { PaymentRefundRequired, type PaymentRefundRequiredPayload } from './orders/payment-refund-required.event';
export {
  OrderStatusChanged,
  orderStatusAttributes,
  type OrderStatusChangedPayload,
  type SnsStringAttribute,
} from './orders/order-status-changed.event';

// Payments (the provider's webhook notifications, published to the payment-events topic)
export {
  PAYMENT_DESCRIPTION_MAX_LENGTH,
  PAYMENT_EVENT_TYPES,
  PAYMENT_ID_MAX_LENGTH,
  PaymentNotification,
  SETTLEMENT_CURRENCIES,
  type PaymentEventType,
  type PaymentNotificationDto,
} from './payments/payment-notification.schema';
// How the provider signs a webhook call, and how the authorizer and every subscriber check it.
export {
  CONTENT_SHA256_HEADER,
  MAX_CLOCK_SKEW_SECONDS,
  messageMatchesDigest,
  MIN_SECRET_LENGTH,
  sha256Hex,
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  signatureOf,
  signedHeaders,
  TIMESTAMP_HEADER,
  verifySignature,
  type SignatureVerdict,
} from './payments/webhook-signature';

// Orders HTTP payloads
export { PlaceOrderRequest } from './orders/http/place-order.request';
export { OrderResponse } from './orders/http/order.response';
export { OrderPageResponse } from './orders/http/order-page.response';
export {
  ListOrdersQuery,
  NEXT_TOKEN_MAX_LENGTH,
  ORDER_PAGE_LIMIT_DEFAULT,
  ORDER_PAGE_LIMIT_MAX,
  ORDER_PAGE_LIMIT_MIN,
  type ListOrdersQueryInput,
} from './orders/http/list-orders.query';
export { OrderIdParams } from './orders/http/order-id.params';

// Inventory
export { STOCK_AVAILABLE_MAX } from './inventory/stock-limits';
export { StockLineSchema, StockLinesSchema, type StockLineDto } from './inventory/stock-line.schema';
export { StockReserved, type StockReservedPayload } from './inventory/stock-reserved.event';
export {
  STOCK_SHORTAGE_CODES,
  StockRejected,
  StockShortageSchema,
  type StockRejectedPayload,
  type StockShortageDto,
} from './inventory/stock-rejected.event';

// Inventory HTTP payloads
export { SetStockRequest } from './inventory/http/set-stock.request';
export { StockItemResponse } from './inventory/http/stock-item.response';
export { SkuParams } from './inventory/http/sku.params';

// Catalog
export {
  PRODUCT_NAME_MAX_LENGTH,
  PRODUCT_PRICES_MAX,
  ProductNameSchema,
  ProductPricesSchema,
  ProductVersionSchema,
} from './catalog/product-prices.schema';
export { ProductPriced, type ProductPricedPayload } from './catalog/product-priced.event';
export { ProductRetired, type ProductRetiredPayload } from './catalog/product-retired.event';

// Catalog HTTP payloads
export { PutProductRequest } from './catalog/http/put-product.request';
export {
  ListProductsQuery,
  PRODUCT_PAGE_LIMIT_DEFAULT,
  PRODUCT_PAGE_LIMIT_MAX,
} from './catalog/http/list-products.query';

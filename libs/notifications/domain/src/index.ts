export { InvalidConnection, InvalidNotification } from './errors';
export {
  CONNECTION_LIFETIME_SECONDS,
  CustomerConnection,
  type CustomerConnectionSnapshot,
} from './customer-connection.entity';
export { Notification, NotificationKind, type Money, type NotificationSnapshot } from './notification.entity';
export { orderStatusMessage, type OrderStatusMessage } from './order-status-message';
export { isLargeOrder, LARGE_ORDER_MIN_TOTAL_MINOR } from './large-order';

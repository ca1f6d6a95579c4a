// Ports
export type { ConnectionRepository } from './ports/connection.repository.port';
export type { NotificationRepository, RecordOutcome } from './ports/notification.repository.port';
export type { PushLedger } from './ports/push-ledger.port';
export type { ConnectionGateway, PostOutcome } from './ports/connection-gateway.port';
export type { TokenVerifier } from './ports/token-verifier.port';

// Use cases
export {
  OpenConnection,
  type OpenConnectionCommand,
  type OpenConnectionDependencies,
} from './use-cases/open-connection.use-case';
export { CloseConnection, type CloseConnectionCommand } from './use-cases/close-connection.use-case';
export {
  PushOrderStatus,
  type PushOrderStatusCommand,
  type PushOrderStatusDependencies,
  type PushOrderStatusOutcome,
} from './use-cases/push-order-status.use-case';
export {
  RecordNotification,
  type RecordNotificationCommand,
  type RecordNotificationDependencies,
} from './use-cases/record-notification.use-case';

// Test doubles (for use-case, adapter and handler tests)

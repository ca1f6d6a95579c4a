// Ports
export type { IdGenerator } from './ports/id-generator.port';
export type { StockRepository } from './ports/stock.repository.port';
export type { HandledEvent, ReservationRepository } from './ports/reservation.repository.port';

// Errors the ports raise
export { ConcurrentInventoryChange, EventAlreadyProcessed, ReservationAlreadyRecorded, StockShortfall } from './errors';

// Use cases
export { SetStock, type SetStockCommand, type SetStockDependencies } from './use-cases/set-stock.use-case';
export { GetStock, type GetStockCommand, type GetStockDependencies } from './use-cases/get-stock.use-case';
export {
  ReserveStock,
  type ReserveStockCommand,
  type ReserveStockDependencies,
  type ReserveStockOutcome,
} from './use-cases/reserve-stock.use-case';
export {
  ReleaseStock,
  type ReleaseStockCommand,
  type ReleaseStockDependencies,
  type ReleaseStockOutcome,
} from './use-cases/release-stock.use-case';

// Mapping
export {
  stockRejectedEnvelope,
  stockReservedEnvelope,
  type EnvelopeOrigin,
  type EventCause,
} from './inventory-event-envelopes';
export { toStockItemView } from './stock-item.view';

// Test doubles (for use-case, adapter and handler tests)

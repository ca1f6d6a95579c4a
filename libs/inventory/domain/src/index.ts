export {
  CorruptInventoryRecord,
  InvalidOrderId,
  InvalidReservationLines,
  InvalidSku,
  InvalidStockCount,
  StockCountExceeded,
  StockItemNotFound,
} from './errors';
export { Sku } from './sku.value-object';
export { availableCount, lineQuantity, stockCount } from './stock-count';
export { StockItem, type StockLevel } from './stock-item.entity';
export { reservationLines, type ReservationLine } from './reservation-lines';
export { shortagesFor, type StockShortage } from './stock-shortage';
export { Reservation, ReservationStatus, type ReservationSnapshot } from './reservation.entity';
export { decideReservation } from './reservation-decision';

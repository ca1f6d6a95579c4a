import { Reservation } from './reservation.entity';
import { reservationLines, type ReservationLine } from './reservation-lines';
import type { StockLevel } from './stock-item.entity';
import { shortagesFor } from './stock-shortage';

/**
 * All or nothing: an order is reserved only when the stock can serve every one of its lines; otherwise nothing
 * is reserved and every short line is named. (Stored stock is changed only by the repository, atomically, on
 * the same rule written as conditions.)
 */
export function decideReservation(
  orderId: string,
  lines: readonly ReservationLine[],
  stock: ReadonlyMap<string, StockLevel>,
  now: Date,
): Reservation {
  const wanted = reservationLines(lines);
  const shortages = shortagesFor(wanted, stock);
  return shortages.length === 0
    ? Reservation.reserved(orderId, wanted, now)
    : Reservation.rejected(orderId, shortages, now);
}
